// The one static file server on loopback, for the end-to-end tests (e2e/serve.mjs) and the
// browser benchmarks (bench/page.mjs, bench/run.mjs). Node's built-ins only, so both
// packages import it as it is.
//
// serveStatic(mounts, { port, csp, pages }) serves each [prefix, dir] of `mounts` (the
// longest matching prefix wins; a directory gives its index.html) and each path of `pages`
// as a fixed HTML body. Anything else is 404, so a page that reaches for a URL it should not
// fails visibly; a path that climbs out of its dir is 403. Nothing is cached
// (`cache-control: no-store`); `csp`, when given, is sent as the Content-Security-Policy of
// every file. Only 127.0.0.1 is bound; port 0 takes a free one (server.address().port).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

export const TYPES = {
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

const slash = (b) => (b.endsWith("/") ? b : b + "/");

/**
 * Starts the server; resolves to the listening `http.Server`.
 * @param {Array<[string, string]>} mounts [URL prefix, directory] pairs
 * @param {{ port?: number, csp?: string, pages?: Record<string, string> }} [options]
 */
export function serveStatic(mounts, { port = 0, csp, pages = {} } = {}) {
  const roots = mounts
    .map(([base, dir]) => [slash(base), resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" }).end(pages[path]);
      return;
    }
    const mount = roots.find(([base]) => path.startsWith(base));
    if (!mount) {
      res.writeHead(404).end("not under " + roots.map((m) => m[0]).join(" or "));
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
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
      if (csp) headers["content-security-policy"] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}
