// Extra loopback servers for hosting tests: the release build under a sub-folder, or with
// a Content-Security-Policy header. Each test starts its own and stops it.
import { spawn } from "node:child_process";

export async function startServer({ port, dir = "../dist", base = "/", csp, maps } = {}) {
  const args = ["serve.mjs", "--dir", dir, "--port", String(port), "--base", base];
  // maps: { "/dist/": "../dist", ... } serves several folders side by side (then base is "/")
  for (const [prefix, folder] of Object.entries(maps ?? {})) args.push("--map", `${prefix}=${folder}`);
  if (maps) base = "/";
  if (csp) args.push("--csp", csp);
  const child = spawn(process.execPath, args, { cwd: new URL("..", import.meta.url).pathname, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}${base}`, stop: () => child.kill() };
}

/// A site with the release build copied beside the example host pages (examples/*.html
/// load ../dist/entente-embed.js or frame ../dist/index.html).
export const EXAMPLE_SITE = { "/dist/": "../dist", "/examples/": "../examples" };

/// The policy a careful host would set; docs/embedding.md documents it.
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");
