// Runs the browser benchmark in Debian's headless Chromium and prints the table.
// usage (after scripts/bench-browser.sh has built bench/pkg-z and bench/pkg-o3):
//   node bench/run.mjs [--quick] [--rounds N] [--seconds S] [--chromium PATH]
//   node bench/run.mjs --cpu-profile DIR   # where the time goes in our wasm (see below)
// Bundles the peers (esbuild, into bench/vendor/), serves the repository root on 127.0.0.1
// (an ephemeral port), opens bench/index.html?driven and times every tool on every text
// set: a warm-up pass over the 1 MB set, then per set one more warm-up pass and N rounds
// (default 5) of about S seconds (default 0.3) each; MB/s from the best round, by wall
// clock (performance.now) and by the page's main-thread CPU time (DevTools protocol
// Performance.getMetrics ThreadTime), which a loaded machine skews far less.
// Never fails on time; exits non-zero only if something could not run.
// --cpu-profile DIR: instead of the table, samples V8's CPU profiler (DevTools protocol) while
// the build in bench/DIR (one kept with function names: scripts/bench-browser.sh
// --cpu-profile makes bench/pkg-z-names) analyses the 1 MB set for a few seconds, and
// prints the functions with the most self time.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { serveStatic } from "../scripts/static-server.mjs";
import { launchChromium } from "./chromium.mjs";
import { SEED_FILES, corpusOf, utf8Len } from "./corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const quick = argv.includes("--quick");
const rounds = Number(opt("--rounds", quick ? 2 : 5));
const seconds = Number(opt("--seconds", quick ? 0.1 : 0.3));
const chromiumPath = opt("--chromium", "/usr/bin/chromium");
const profileDir = opt("--cpu-profile", null);

for (const dir of profileDir ? [profileDir] : ["pkg-z", "pkg-o3"]) {
  if (!existsSync(join(here, dir, "entente_bench_wasm_bg.wasm"))) {
    console.error(`bench: bench/${dir} is missing: run scripts/bench-browser.sh (it builds the wasm)`);
    process.exit(1);
  }
}

// The peers, bundled for the browser (they are npm packages written for bundlers).
for (const name of ["compromise", "wink"]) {
  await build({
    entryPoints: [join(here, "peers", `${name}.entry.mjs`)],
    outfile: join(here, "vendor", `${name}.mjs`),
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    logLevel: "warning",
  });
}

// The same corpus the page builds, checked against the native bench's figures.
const seeds = SEED_FILES.map((f) => readFileSync(join(root, f), "utf8"));
const oneMb = corpusOf(seeds, 1_000_000);

// A static server for the repository root, loopback only.
const server = await serveStatic([["/", root]]);
const port = server.address().port;

const browser = await launchChromium(chromiumPath);
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`bench: page error: ${e}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const threadTime = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = metrics.find((x) => x.name === "ThreadTime");
    return m ? m.value : null;
  };

  await page.goto(`http://127.0.0.1:${port}/bench/index.html?driven`);
  await page.waitForFunction(() => window.entBench !== undefined);
  if (profileDir) {
    await cpuProfile(page, cdp, profileDir);
  } else {
    await table(page, threadTime);
  }
} finally {
  await browser.close();
  server.close();
}

/** Self time per function of ours on the 1 MB set, from V8's sampling profiler. */
async function cpuProfile(page, cdp, dir) {
  await page.evaluate((d) => window.entBench.setupProfile(d), dir);
  await page.evaluate(() => window.entBench.run("ours", "1 MB", 2)); // warm-up
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const r = await page.evaluate(() => window.entBench.run("ours", "1 MB", 10));
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const name = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
    if (name === "(idle)" || name === "(program)") continue;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`CPU profile of bench/${dir} on the 1 MB set, 10 passes (${(r.ms / 1000).toFixed(1)} s wall), self time:`);
  for (const [name, us] of top) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
  }
}

/** The benchmark proper: every tool on every set, then the table. */
async function table(page, threadTime) {
  const info = await page.evaluate(() => window.entBench.setup());
  const chromeVersion = browser.version();
  for (const [name, texts] of [["seeds", seeds], ["1 MB", oneMb]]) {
    const bytes = texts.reduce((a, t) => a + utf8Len(t), 0);
    if (info.sets[name].bytes !== bytes || info.sets[name].docs !== texts.length) {
      throw new Error(`the page's ${name} set differs from run.mjs's: ${JSON.stringify(info.sets[name])}`);
    }
  }

  const toolIds = await page.evaluate(() => window.entBench.toolIds());
  const results = {};
  for (const tool of toolIds) {
    results[tool] = {};
    // A whole pass over the 1 MB set first, so that the engine (V8's optimising tiers for
    // JavaScript and wasm) has warmed up before the first timed round, whatever the set.
    await page.evaluate((t) => {
      window.entBench.prepare(t, "1 MB");
      window.entBench.run(t, "1 MB", 1);
    }, tool);
    for (const set of Object.keys(info.sets)) {
      process.stderr.write(`bench: ${tool} on ${set}… `);
      await page.evaluate(([t, s]) => window.entBench.prepare(t, s), [tool, set]);
      const warm = await page.evaluate(([t, s]) => window.entBench.run(t, s, 1), [tool, set]);
      const reps = Math.max(1, Math.ceil((seconds * 1000) / Math.max(warm.ms, 0.01)));
      let bestWall = Infinity;
      let bestCpu = Infinity;
      for (let i = 0; i < rounds; i++) {
        const c0 = await threadTime();
        const r = await page.evaluate(([t, s, n]) => window.entBench.run(t, s, n), [tool, set, reps]);
        const c1 = await threadTime();
        bestWall = Math.min(bestWall, r.ms / 1000 / reps);
        if (c0 !== null && c1 !== null) bestCpu = Math.min(bestCpu, (c1 - c0) / reps);
      }
      const mb = warm.bytes / 1e6;
      results[tool][set] = {
        count: warm.count,
        wall: mb / bestWall,
        cpu: Number.isFinite(bestCpu) ? mb / bestCpu : null,
        reps,
      };
      process.stderr.write(`${results[tool][set].wall.toFixed(2)} MB/s\n`);
    }
  }
  const details = {};
  for (const set of Object.keys(info.sets)) details[set] = await page.evaluate((s) => window.entBench.details(s), set);

  // Bytes a page loads for each tool: raw and gzip.
  const size = (files) => {
    const bufs = files.map((f) => readFileSync(join(here, f)));
    const raw = bufs.reduce((a, b) => a + b.length, 0);
    const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
    return `${(raw / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzip)`;
  };
  const ours = (d) => [`${d}/entente_bench_wasm_bg.wasm`, `${d}/entente_bench_wasm.js`];
  const sizes = {
    "ours-z": size(ours("pkg-z")),
    "ours-o3": size(ours("pkg-o3")),
    compromise: size(["vendor/compromise.mjs"]),
    wink: size(["vendor/wink.mjs"]),
  };

  // The table.
  const f = (x, d = 2) => (x === null || x === undefined ? "-" : x.toFixed(d));
  const ref = results["ours-z"]["1 MB"];
  const lines = [];
  lines.push(`Chromium ${chromeVersion}, headless; best of ${rounds} rounds of ~${seconds} s after warm-up passes.`);
  lines.push(
    `Texts: seeds = ${info.sets.seeds.docs} documents, ${info.sets.seeds.bytes} bytes; ` +
      `1 MB = ${info.sets["1 MB"].docs} documents, ${info.sets["1 MB"].bytes} bytes (UTF-8; the native bench's ~1 MB corpus).`,
  );
  lines.push("MB/s = 10^6 UTF-8 bytes per second: `wall` by performance.now, `CPU` by the page's main-thread CPU time.");
  lines.push("");
  const head = ["tool", "seeds wall", "seeds CPU", "1 MB wall", "1 MB CPU", "entities seeds", "entities 1 MB", "vs ours (1 MB CPU)"];
  const rows = toolIds.map((t) => {
    const r = results[t];
    return [
      t,
      f(r.seeds.wall),
      f(r.seeds.cpu),
      f(r["1 MB"].wall),
      f(r["1 MB"].cpu),
      String(r.seeds.count),
      String(r["1 MB"].count),
      ref.cpu && r["1 MB"].cpu ? `${f(r["1 MB"].cpu / ref.cpu, 3)}x` : `${f(r["1 MB"].wall / ref.wall, 3)}x (wall)`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  lines.push(fmt(head));
  lines.push(fmt(head.map((h, i) => (i >= 1 && i <= 4 ? "MB/s" : "").padStart(widths[i]))));
  for (const r of rows) lines.push(fmt(r));
  lines.push("");
  lines.push("tools:");
  for (const t of toolIds) lines.push(`  ${t.padEnd(widths[0])}  ${info.tools[t].label}`);
  lines.push("");
  lines.push("setup (ms, wall): load = fetch + compile + instantiate of the module; engine = build of the analyser");
  lines.push("  (ours: Engine::builtin, first and best of 5 more; compromise: first call; wink: winkNLP(model)); size = what the page loads");
  for (const t of ["ours-z", "ours-o3", "compromise", "wink"]) {
    const s = info.tools[t].setup;
    lines.push(
      `  ${t.padEnd(12)} load ${f(s.loadMs, 1).padStart(7)}  engine ${f(s.engineFirstMs, 1).padStart(7)}` +
        (s.engineBestMs !== null ? ` (best ${f(s.engineBestMs, 1)})` : "") +
        `  size ${sizes[t]}`,
    );
  }
  lines.push("");
  lines.push("entities: ours = actor mentions (states, organisations, people); compromise = people + places + organizations matches;");
  lines.push("  wink = entities() of every type. Ours in detail [documents, actors, mentions, relations]:");
  for (const set of Object.keys(details)) lines.push(`  ${set}: [${details[set].ours.join(", ")}]`);
  lines.push("  wink's entity types:");
  for (const set of Object.keys(details)) lines.push(`  ${set}: ${JSON.stringify(details[set].winkTypes)}`);
  console.log(lines.join("\n"));
}
