// Writes dist/entente-embed.js, the one script a host page adds to embed the explorer:
//   <div data-entente data-country="IRN"></div>
//   <script type="module" src="path/to/dist/entente-embed.js"></script>
// It loads the explorer's stylesheet, JS glue and wasm relative to its own URL
// (import.meta.url), so the host page can be in any folder, then mounts an explorer into
// every [data-entente] element (src/embed/mod.rs: mount_embeds). No inline script, no eval: it
// runs under the strict CSP the page is tested under. Called by post-build.mjs.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const EMBED_SCRIPT = "entente-embed.js";

export function writeEmbedScript(dir) {
  const files = readdirSync(dir);
  const one = (re, what) => {
    const found = files.filter((f) => re.test(f));
    if (found.length !== 1) throw new Error(`embed-script: expected one ${what} in ${dir}, found ${found.length}`);
    return found[0];
  };
  const glue = one(/^entente-web-[0-9a-f]+\.js$/, "JS glue");
  const wasm = one(/^entente-web-[0-9a-f]+_bg\.wasm$/, "wasm");
  const css = one(/^main-[0-9a-f]+\.css$/, "main stylesheet");
  const code = `// Entente embed loader, written by scripts/post-build.mjs (do not edit). See docs/embedding.md,
// "Embedding in a host page". Exports, for pages that add or remove embeds later:
//   ready          a promise, resolved once the explorer's code is loaded
//   mountAll()     mounts every [data-entente] element not mounted yet (returns how many)
//   mount(el)      mounts one element (returns false if it already holds an explorer)
//   unmount(el)    removes the explorer from el, with its listeners (returns false if none)
import init, { mount_embeds, mount_into, unmount_embed } from "./${glue}";

const here = (path) => new URL(path, import.meta.url).href;
const fullPage = here("./index.html");

function stylesheet() {
  const href = here("./${css}");
  for (const l of document.querySelectorAll('link[rel="stylesheet"]')) if (l.href === href) return Promise.resolve();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}

export const ready = Promise.all([stylesheet(), init({ module_or_path: here("./${wasm}") })]).then(() => undefined);

export async function mountAll() {
  await ready;
  return mount_embeds(fullPage);
}
export async function mount(el) {
  await ready;
  return mount_into(el, fullPage);
}
export async function unmount(el) {
  await ready;
  return unmount_embed(el);
}

mountAll().catch((e) => {
  // the explorer could not start (e.g. a CSP without 'wasm-unsafe-eval'): say so in place
  for (const el of document.querySelectorAll("[data-entente]")) {
    if (!el.querySelector(".ent-root")) el.textContent = "The Entente explorer could not start: " + e;
  }
  throw e;
});
`;
  writeFileSync(join(dir, EMBED_SCRIPT), code);
  return EMBED_SCRIPT;
}
