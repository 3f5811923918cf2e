// The benchmark texts, the same as crates/core/examples/bench.rs builds natively: the five
// seeds, and about 1 MB of copies of them with names swapped and numbers shifted per copy
// (so no two documents are the same). Keep `SWAPS` and `vary` in step with the Rust.
// Used by the page (bench.js) and by the runner (run.mjs), which checks the totals.

/** The seed files, relative to the repository root. */
export const SEED_FILES = [
  "seeds/000_fa6a6883ea8b5cc2.txt",
  "seeds/001_8be43b2935b63d9a.txt",
  "seeds/002_453ac6874c6a2860.txt",
  "seeds/003_2ebf30a1db2f8cdb.txt",
  "seeds/004_d9a8681dd3d384f5.txt",
];

/** Name swaps per copy: copy k replaces each name with its list's entry k mod 6. */
export const SWAPS = [
  ["Putin", ["Putin", "Medvedev", "Mishustin", "Lavrov", "Peskov", "Shoigu"]],
  ["Iran", ["Iran", "Syria", "Venezuela", "Belarus", "Cuba", "Nicaragua"]],
  ["Tehran", ["Tehran", "Damascus", "Caracas", "Minsk", "Havana", "Managua"]],
  ["Moscow", ["Moscow", "Moscow", "the Kremlin", "Moscow", "the Kremlin", "Moscow"]],
  ["Trump", ["Trump", "Biden", "Vance", "Rubio", "Trump", "Hegseth"]],
  ["Israel", ["Israel", "Turkey", "Saudi Arabia", "Azerbaijan", "Ukraine", "Georgia"]],
];

const U64_MAX = (1n << 64n) - 1n;

/** A copy of `seed` with names swapped and every number shifted by `k` (like the Rust `vary`). */
export function vary(seed, k) {
  let s = seed;
  for (const [from, to] of SWAPS) s = s.split(from).join(to[k % to.length]);
  let out = "";
  let num = "";
  for (const c of s) {
    if (c >= "0" && c <= "9") {
      num += c;
      continue;
    }
    if (num) {
      let n = BigInt(num);
      if (n > U64_MAX) n = 0n; // Rust: `parse::<u64>().unwrap_or(0)`
      out += (n + BigInt(k % 97)).toString();
      num = "";
    }
    out += c;
  }
  out += num;
  out += `\n\nCopy ${k} ends here.\n`;
  return out;
}

const encoder = new TextEncoder();

/** Bytes of `s` in UTF-8 (what MB/s counts, as natively). */
export function utf8Len(s) {
  return encoder.encode(s).length;
}

/** About `bytes` of varied seed copies, as separate documents (like the Rust `corpus_of`). */
export function corpusOf(seeds, bytes) {
  const docs = [];
  let total = 0;
  for (let k = 0; total < bytes; k++) {
    const d = vary(seeds[k % seeds.length], Math.floor(k / seeds.length));
    total += utf8Len(d);
    docs.push(d);
  }
  return docs;
}
