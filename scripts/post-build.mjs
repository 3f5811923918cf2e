// Trunk post-build hook (see Trunk.toml), on the staging directory TRUNK_STAGING_DIR:
// 1. moves Trunk's inline loader script into a file, so the page runs under a strict CSP;
// 2. writes entente-embed.js, the one script a host page adds to embed explorers;
// 3. for release builds, writes the single-file build to dist-single/entente.html.
import { moveBootScript } from "./boot-script.mjs";
import { writeEmbedScript } from "./embed-script.mjs";
import { buildSingleFile } from "./single-file.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
try {
  moveBootScript(dir);
  writeEmbedScript(dir);
  if (process.env.TRUNK_PROFILE === "release") {
    const bytes = buildSingleFile(dir, "dist-single/entente.html");
    console.log(`post-build: wrote dist-single/entente.html (${bytes} bytes)`);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
