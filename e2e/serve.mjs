// A static file server on loopback for the end-to-end tests and local previews.
// usage: node serve.mjs --dir ../dist --port 4173 [--base /some/deep/path/] [--csp "policy"]
//        node serve.mjs --port 4190 --map /dist/=../dist --map /examples/=../examples [--csp ...]
// Serves DIR under BASE (default "/"), or each --map PREFIX=DIR (a site with dist/ copied
// beside its own pages, as examples/ expects); anything else is 404, so a page that
// reaches for an absolute URL fails visibly. Only 127.0.0.1 is bound. The server itself is
// scripts/static-server.mjs, shared with the benchmarks.
import { resolve } from "node:path";
import { serveStatic } from "../scripts/static-server.mjs";

const argv = process.argv.slice(2);
const args = Object.fromEntries(
  argv.reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const port = Number(args.port ?? 4173);
const mounts = argv
  .flatMap((a, i) => (a === "--map" ? [argv[i + 1]] : []))
  .map((m) => {
    const at = m.indexOf("=");
    if (at < 1) throw new Error(`--map wants PREFIX=DIR, got ${m}`);
    return [m.slice(0, at), m.slice(at + 1)];
  });
if (mounts.length === 0) mounts.push([args.base ?? "/", args.dir ?? "../dist"]);

await serveStatic(mounts, { port, csp: args.csp });
const slash = (b) => (b.endsWith("/") ? b : b + "/");
for (const [base, root] of mounts) console.log(`serving ${resolve(root)} at http://127.0.0.1:${port}${slash(base)}`);
