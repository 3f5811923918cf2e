// The browser benchmark page: Entente's analysis core (wasm, two builds) against compromise
// and wink-nlp on the same texts. Opened by hand it runs everything and shows a table
// (wall-clock times only); scripts/bench-browser.sh drives it through `window.entBench`
// from run.mjs, which adds the main thread's CPU time from the DevTools protocol.
import { SEED_FILES, corpusOf, utf8Len } from "./corpus.mjs";

/** Our two wasm builds: wasm-bindgen output directories under bench/. */
const OURS = [
  { id: "ours-z", dir: "pkg-z", label: "entente wasm, opt-level z (as shipped)" },
  { id: "ours-o3", dir: "pkg-o3", label: "entente wasm, opt-level 3" },
];

const tools = {}; // id -> { label, setupMs, prepare(texts), analyze(texts) -> count }
const sets = {}; // name -> { texts, bytes }

const now = () => performance.now();

async function timed(f) {
  const t = now();
  const value = await f();
  return { value, ms: now() - t };
}

/** Entente: module load, then the engine built once (timed apart: first and best of 5). */
async function setupOurs({ id, dir, label }) {
  const load = await timed(async () => {
    const mod = await import(`./${dir}/entente_bench_wasm.js`);
    await mod.default();
    return mod;
  });
  const mod = load.value;
  const builds = [];
  let bench = null;
  for (let i = 0; i < 6; i++) {
    const b = await timed(() => new mod.Bench());
    builds.push(b.ms);
    if (bench) bench.free();
    bench = b.value;
  }
  const setup = {
    loadMs: load.ms,
    engineFirstMs: builds[0],
    engineBestMs: Math.min(...builds.slice(1)),
  };
  tools[id] = {
    label,
    setup,
    prepare() {},
    analyze: (texts) => bench.analyze_all(texts),
    details: (texts) => Array.from(bench.counts(texts)),
  };
  // The analysis alone: texts copied into wasm memory beforehand.
  tools[`${id}-loaded`] = {
    label: `${label}, texts already in wasm memory`,
    setup,
    prepare: (texts) => bench.load(texts),
    analyze: () => bench.analyze_loaded(),
  };
}

async function setupCompromise() {
  const load = await timed(() => import("./vendor/compromise.mjs"));
  const nlp = load.value.default;
  const first = await timed(() => nlp("Vladimir Putin met Masoud Pezeshkian in Moscow.").people().length);
  tools.compromise = {
    label: "compromise 14: people() + places() + organizations()",
    setup: { loadMs: load.ms, engineFirstMs: first.ms, engineBestMs: null },
    prepare() {},
    analyze(texts) {
      let n = 0;
      for (const t of texts) {
        const doc = nlp(t);
        n += doc.people().length + doc.places().length + doc.organizations().length;
      }
      return n;
    },
  };
}

async function setupWink() {
  const load = await timed(() => import("./vendor/wink.mjs"));
  const { winkNLP, model } = load.value;
  const build = await timed(() => winkNLP(model));
  const wnlp = build.value;
  const its = wnlp.its;
  tools.wink = {
    label: "wink-nlp 2 + eng-lite-web-model: entities()",
    setup: { loadMs: load.ms, engineFirstMs: build.ms, engineBestMs: null },
    prepare() {},
    analyze(texts) {
      let n = 0;
      for (const t of texts) n += wnlp.readDoc(t).entities().length();
      return n;
    },
    /** Entity types over `texts`, for the report. */
    types(texts) {
      const by = {};
      for (const t of texts) {
        for (const ty of wnlp.readDoc(t).entities().out(its.type)) by[ty] = (by[ty] ?? 0) + 1;
      }
      return by;
    },
  };
}

/** Loads the seeds from the server and builds the ~1 MB corpus from them. */
async function loadSets(corpusBytes = 1_000_000) {
  const seeds = await Promise.all(
    SEED_FILES.map(async (f) => {
      const r = await fetch(`../${f}`);
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      return r.text();
    }),
  );
  for (const [name, texts] of [
    ["seeds", seeds],
    ["1 MB", corpusOf(seeds, corpusBytes)],
  ]) {
    sets[name] = { texts, bytes: texts.reduce((a, t) => a + utf8Len(t), 0) };
  }
}

/** Loads the texts and every tool. Returns what the runner prints about them. */
async function setup() {
  await loadSets();
  for (const o of OURS) await setupOurs(o);
  await setupCompromise();
  await setupWink();
  return {
    sets: Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, { docs: v.texts.length, bytes: v.bytes }])),
    tools: Object.fromEntries(Object.entries(tools).map(([k, v]) => [k, { label: v.label, setup: v.setup }])),
  };
}

/** Gets `tool` ready for `set` (not timed): for the preloaded rows, copies texts into wasm. */
function prepare(tool, set) {
  tools[tool].prepare(sets[set].texts);
}

/** One timed round: `reps` passes of `tool` over `set`. Returns { ms, count, bytes }. */
function run(tool, set, reps) {
  const { analyze } = tools[tool];
  const { texts, bytes } = sets[set];
  let count = 0;
  const t = now();
  for (let i = 0; i < reps; i++) count = analyze(texts);
  const ms = now() - t;
  return { ms, count, bytes };
}

/** Counts for the report, not timed: ours [documents, actors, mentions, relations], wink's types. */
function details(set) {
  const { texts } = sets[set];
  return {
    ours: tools["ours-z"].details(texts),
    winkTypes: tools.wink.types(texts),
  };
}

/**
 * For `run.mjs --cpu-profile`: only the texts and one build of ours (with wasm function
 * names), as tool "ours", to be profiled by the DevTools protocol.
 */
async function setupProfile(dir) {
  await loadSets();
  await setupOurs({ id: "ours", dir, label: `entente wasm from ${dir}` });
}

window.entBench = { setup, setupProfile, prepare, run, details, toolIds: () => Object.keys(tools) };

/** By hand: warm up, then best of 5 rounds of about 0.3 s each, and a table on the page. */
async function runByHand() {
  const out = document.getElementById("out");
  const status = document.getElementById("status");
  status.textContent = "loading…";
  const info = await setup();
  const rows = [];
  for (const tool of Object.keys(tools)) {
    const row = { tool: info.tools[tool].label };
    prepare(tool, "1 MB");
    run(tool, "1 MB", 1); // warm-up: let V8's optimising tiers kick in
    for (const set of Object.keys(sets)) {
      status.textContent = `running ${tool} on ${set}…`;
      await new Promise((r) => setTimeout(r, 0));
      prepare(tool, set);
      const warm = run(tool, set, 1);
      const reps = Math.max(1, Math.ceil(300 / Math.max(warm.ms, 0.01)));
      let best = Infinity;
      for (let i = 0; i < 5; i++) best = Math.min(best, run(tool, set, reps).ms / reps);
      row[set] = { mbps: warm.bytes / 1e6 / (best / 1e3), count: warm.count };
    }
    rows.push(row);
  }
  const ref = rows[0]["1 MB"].mbps;
  out.innerHTML =
    "<tr><th>tool</th><th>MB/s seeds</th><th>MB/s 1 MB</th><th>entities (seeds / 1 MB)</th><th>vs ours (1 MB)</th></tr>" +
    rows
      .map(
        (r) =>
          `<tr><td>${r.tool}</td><td>${r.seeds.mbps.toFixed(2)}</td><td>${r["1 MB"].mbps.toFixed(2)}</td>` +
          `<td>${r.seeds.count} / ${r["1 MB"].count}</td><td>${(r["1 MB"].mbps / ref).toFixed(3)}×</td></tr>`,
      )
      .join("");
  status.textContent = "done (best of 5 wall-clock rounds after a warm-up)";
}

if (!new URLSearchParams(location.search).has("driven")) {
  runByHand().catch((e) => {
    document.getElementById("status").textContent = `failed: ${e}`;
  });
}
