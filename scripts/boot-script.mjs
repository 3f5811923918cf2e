// Moves Trunk's inline loader <script type="module"> out of index.html into its own file,
// so the page runs under a strict Content-Security-Policy (script-src 'self'
// 'wasm-unsafe-eval': no inline scripts, no hashes to keep in sync). Called by post-build.mjs.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

export function moveBootScript(dir) {
  const htmlPath = join(dir, "index.html");
  const html = readFileSync(htmlPath, "utf8");
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (!m) throw new Error("boot-script: no inline module script in index.html");
  const code = m[1].trim() + "\n";
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `entente-boot-${hash}.js`;
  writeFileSync(join(dir, name), code);
  writeFileSync(htmlPath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
}
