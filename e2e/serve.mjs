// A static file server on loopback for the end-to-end tests and local previews.
// usage: node serve.mjs --dir ../dist --port 4173 [--base /some/deep/path/] [--csp "policy"]
//        node serve.mjs --port 4190 --map /dist/=../dist --map /examples/=../examples [--csp ...]
// Serves DIR under BASE (default "/"), or each --map PREFIX=DIR (a site with dist/ copied
// beside its own pages, as examples/ expects); anything else is 404, so a page that
// reaches for an absolute URL fails visibly. Only 127.0.0.1 is bound.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const argv = process.argv.slice(2);
const args = Object.fromEntries(
  argv.reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const port = Number(args.port ?? 4173);
const csp = args.csp;
const slash = (b) => (b.endsWith("/") ? b : b + "/");
// [base, root] pairs, the longest base first
const mounts = argv
  .flatMap((a, i) => (a === "--map" ? [argv[i + 1]] : []))
  .map((m) => {
    const at = m.indexOf("=");
    if (at < 1) throw new Error(`--map wants PREFIX=DIR, got ${m}`);
    return [slash(m.slice(0, at)), resolve(m.slice(at + 1))];
  });
if (mounts.length === 0) mounts.push([slash(args.base ?? "/"), resolve(args.dir ?? "../dist")]);
mounts.sort((a, b) => b[0].length - a[0].length);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
};

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let path = decodeURIComponent(url.pathname);
  const mount = mounts.find(([base]) => path.startsWith(base));
  if (!mount) {
    res.writeHead(404).end("not under " + mounts.map((m) => m[0]).join(" or "));
    return;
  }
  const [base, root] = mount;
  path = path.slice(base.length);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    if (csp) headers["content-security-policy"] = csp;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  for (const [base, root] of mounts) console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
