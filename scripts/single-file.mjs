// Builds the single-file Entente: one HTML file with the CSS, the wasm-bindgen JS glue and
// the wasm (base64) inlined, that opens by double-click from disk (file://).
// usage: node scripts/single-file.mjs [DIST] [OUT]   (defaults: dist, dist-single/entente.html)
// Chromium blocks module imports and fetch() from file://, so the glue goes into the one
// inline module script and the wasm is instantiated with initSync from bytes in the page.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";

const fail = (msg) => {
  throw new Error(`single-file: ${msg}`);
};

export function buildSingleFile(dist, out) {
  if (!existsSync(join(dist, "index.html"))) fail(`${dist}/index.html not found: run trunk build --release first`);
  if (existsSync(join(dist, "snippets"))) fail("wasm-bindgen snippets are not supported in the single file");

  const files = readdirSync(dist);
  const one = (re, what) => {
    const found = files.filter((f) => re.test(f));
    if (found.length !== 1) fail(`expected one ${what} in ${dist}, found ${found.length}`);
    return found[0];
  };
  const glueName = one(/^entente-web-[0-9a-f]+\.js$/, "JS glue");
  const wasmName = one(/^entente-web-[0-9a-f]+_bg\.wasm$/, "wasm");

  let html = readFileSync(join(dist, "index.html"), "utf8");
  // Stylesheets inline.
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*\/?>/g, (_, href) => {
    const css = readFileSync(join(dist, href), "utf8");
    return `<style>\n${css.replace(/<\/style/gi, "<\\/style")}\n</style>`;
  });
  // Icon as a data URL.
  html = html.replace(/<link rel="icon" href="\.\/([^"]+\.svg)"[^>]*\/?>/g, (_, href) => {
    const svg = readFileSync(join(dist, href));
    return `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString("base64")}">`;
  });
  // Preloads and the external boot script go; one inline module script replaces them.
  html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
  html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");

  const glue = readFileSync(join(dist, glueName), "utf8");
  const wasm = readFileSync(join(dist, wasmName)).toString("base64");
  const boot = `<script type="module">
  ${glue.replace(/<\/script/gi, "<\\/script")}
  const __ententeWasm = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
  initSync({ module: __ententeWasm });
  </script>`;
  html = html.replace("</body>", `${boot}\n</body>`);

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return html.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const out = process.argv[3] ?? "dist-single/entente.html";
  try {
    console.log(`single-file: wrote ${out} (${buildSingleFile(dist, out)} bytes)`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
