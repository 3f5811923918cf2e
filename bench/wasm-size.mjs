// Where the bytes of a wasm module go: section sizes, the largest functions by body size
// (named from the module's `name` section, when it has one: build with names kept, e.g.
// the cargo output before wasm-bindgen, or wasm-opt -g), and the sizes grouped by crate.
// usage: node bench/wasm-size.mjs FILE.wasm [--top N] [--data]
// --data also prints the longest printable runs in the data section (what the strings are).
// No dependency: it reads the binary format itself (sections, code bodies, names).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: node bench/wasm-size.mjs FILE.wasm [--top N] [--data]");
  process.exit(2);
}
const topN = Number(argv[argv.indexOf("--top") + 1]) || 40;
const buf = readFileSync(file);

let pos = 8;
const leb = () => {
  let r = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    r += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return r;
  }
};
const str = () => {
  const n = leb();
  const s = buf.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};

const ids = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];
const sections = [];
let importedFuncs = 0;
const bodies = []; // [size] per defined function
const names = new Map();
let dataBytes = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const start = pos;
  let name = ids[id] ?? `id${id}`;
  if (id === 0) name = `custom "${str()}"`;
  sections.push({ name, size: size + (start - (start - 1)) });
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str();
      str();
      const kind = buf[pos++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 2) {
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const s = leb();
      bodies.push(s);
      pos += s;
    }
  } else if (id === 11) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const flags = leb();
      if (flags === 2) leb();
      if (flags !== 1) {
        // init expression: skip to `end` (0x0b)
        while (buf[pos++] !== 0x0b);
      }
      const s = leb();
      dataBytes.push(buf.subarray(pos, pos + s));
      pos += s;
    }
  } else if (name === 'custom "name"') {
    while (pos < start + size) {
      const sub = buf[pos++];
      const len = leb();
      const end = pos + len;
      if (sub === 1) {
        const n = leb();
        for (let i = 0; i < n; i++) {
          const idx = leb();
          names.set(idx, str());
        }
      }
      pos = end;
    }
  }
  pos = start + size;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${file}: ${kb(buf.length)} raw, ${kb(gzipSync(buf, { level: 9 }).length)} gzip -9`);
console.log("\nsections:");
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${kb(s.size).padStart(10)}  ${s.name}`);
const data = Buffer.concat(dataBytes);
console.log(`\ndata segments: ${kb(data.length)} (${kb(gzipSync(data, { level: 9 }).length)} gzip alone)`);
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`code bodies: ${bodies.length} functions, ${kb(code)}`);

/** Rust symbol names, readable: legacy `_ZN...E` demangled, v0 `_R...` cut to its idents. */
function demangle(n) {
  if (n.startsWith("_ZN")) {
    const parts = [];
    let i = 3;
    while (i < n.length && n[i] !== "E") {
      const m = n.slice(i).match(/^(\d+)/);
      if (!m) break;
      i += m[1].length;
      parts.push(n.slice(i, i + Number(m[1])));
      i += Number(m[1]);
    }
    if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
    const out = parts.join("::");
    return out
      .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$RF\$/g, "&")
      .replace(/\$C\$/g, ",").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}").replace(/\$BP\$/g, "*")
      .replace(/\.\./g, "::").replace(/^_</, "<");
  }
  if (n.startsWith("_R")) {
    // v0: idents are <len><ident> after a namespace tag; crate roots are Cs<hash>_<len><name>
    const ids = [...n.matchAll(/(?:Cs[0-9a-zA-Z]*_|Nt|Nv|NC|Ny|Nu|[A-Z])(\d+)([a-zA-Z_][a-zA-Z0-9_]*)/g)].map((m) => m[2].slice(0, Number(m[1])));
    return ids.join("::");
  }
  return n;
}
/** The crate a function is charged to: its path's first segment; for `<Type as Trait>::f`, the
 * type's crate, or the trait's when the type is a bare generic (`<T as Trait>`, `<F as ...>`). */
const crateOf = (name) => {
  const first = (s) => {
    const m = s.replace(/^[<&\s]+(mut\s+)?/, "").match(/^([a-z_][a-z0-9_]*)::/);
    return m ? m[1] : null;
  };
  if (name.startsWith("<")) {
    const as = name.indexOf(" as ");
    return first(name.slice(1)) ?? (as > 0 ? first(name.slice(as + 4)) : null) ?? "(other)";
  }
  return first(name) ?? "(other)";
};
const fns = bodies.map((size, i) => ({ size, name: demangle(names.get(importedFuncs + i) ?? `func[${importedFuncs + i}]`) }));
fns.sort((a, b) => b.size - a.size);
console.log(`\nlargest ${topN} functions:`);
for (const f of fns.slice(0, topN)) console.log(`  ${kb(f.size).padStart(10)}  ${f.name.slice(0, 140)}`);

if (names.size) {
  // Group by the first path segment that looks like a crate (demangled Rust names).
  const byCrate = new Map();
  for (const f of fns) {
    const k = crateOf(f.name);
    byCrate.set(k, (byCrate.get(k) ?? 0) + f.size);
  }
  console.log("\ncode by crate (first path segment of the name; generics land in the crate that defines them):");
  for (const [k, v] of [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${kb(v).padStart(10)}  ${((100 * v) / code).toFixed(1).padStart(5)}%  ${k}`);
  }
}

if (argv.includes("--data")) {
  const runs = [];
  let s = -1;
  for (let i = 0; i <= data.length; i++) {
    const c = data[i];
    const printable = c !== undefined && (c >= 0x20 || c === 0x0a || c === 0x09) && c !== 0x7f;
    if (printable && s < 0) s = i;
    if (!printable && s >= 0) {
      if (i - s >= 64) runs.push([s, i - s]);
      s = -1;
    }
  }
  runs.sort((a, b) => b[1] - a[1]);
  console.log(`\nlongest printable runs in data (${runs.length} of 64+ bytes, ${kb(runs.reduce((a, r) => a + r[1], 0))} in all):`);
  for (const [o, n] of runs.slice(0, 20)) {
    console.log(`  ${kb(n).padStart(10)}  ${JSON.stringify(data.toString("latin1", o, o + 70))}`);
  }
}
