// The page benchmark (the page's targets in bench/README.md): bytes shipped, time to the first cards, time
// from a filter input to the updated cards, JS heap and wasm memory, with the 5 bundled
// seeds and with 1,000 generated articles stored as the reader's own. Prints markdown
// tables. Never fails on time; exits non-zero only if something could not run.
//
// usage (scripts/bench-page.sh builds dist/ first and runs this):
//   node bench/page.mjs [--dist DIR] [--quick] [--loads N] [--inputs N] [--articles N]
//                       [--chromium PATH] [--profile NAMES.wasm]
//
// What is measured, exactly:
// - bytes: every file of DIR (default dist/), raw, gzip -9 and brotli quality 11 (node's
//   zlib); "loaded by index.html" counts the files the full page fetches (all but
//   entente-embed.js, which only host pages load).
// - first cards: each load is a fresh browser context (empty caches and storage) on a
//   static server on 127.0.0.1 (no compression, `no-store`). An init script, run before
//   the page's own scripts, watches the DOM: `cards in DOM` is performance.now() (ms from
//   navigation start) when the first `[data-testid="card"]` is inserted; `first cards
//   painted` is the page's first-contentful-paint entry (Paint Timing), used because the
//   page's body is empty until the explorer mounts with its cards in one pass: the script
//   checks that the cards were in the DOM before that paint (else it falls back to the end
//   of the frame after insertion: requestAnimationFrame, then a MessageChannel message,
//   which runs after that frame's paint). Best and median of N loads. `saved articles in`:
//   with stored articles, which the page analyses in slices after the first cards, the end
//   of the frame after their progress bar went away (they joined the cards); inputs and
//   memory are measured after that.
// - filter input -> updated cards: a real input through the DevTools protocol, in turn
//   ArrowDown on the focused "Relation class" select (the browser changes the option and
//   fires input/change) and a click on "Clear filters". From the input event's timeStamp
//   (captured on window before the page sees it) to `DOM updated` (the MutationObserver
//   callback after the card grid changed) and to `painted` (the end of the first frame
//   whose cards differ from before: rAF, then a MessageChannel message). Best and median.
// - memory after load: `JS heap` is the largest of performance.memory.usedJSHeapSize
//   (Chromium with --enable-precise-memory-info) sampled at every frame during the load
//   and CDP Performance.getMetrics JSHeapUsedSize after it (the main thread is busy, so
//   not sampled, during the synchronous analysis itself); `wasm memory` is the byteLength
//   of the module's WebAssembly.Memory (captured by wrapping WebAssembly.instantiate*),
//   which never shrinks, so after load it is the peak.
// - 1,000 articles: varied copies of the seeds (bench/corpus.mjs `vary`, as the native
//   bench makes them), stored before the page loads under the page's real key and envelope
//   (src/storage.rs: `entente.articles`, {"version":1,"articles":[{id,name,text}]}), as if
//   the reader had added them; the page then analyses seeds + stored articles at start.
// --profile NAMES.wasm: no table; loads each corpus once with the wasm swapped for NAMES.wasm
//   (the same build with its function names kept) under V8's sampling profiler and prints
//   where the main thread's time goes until the first cards.
// --trace: no table; one load per corpus under Chromium's tracing (performance timeline):
//   main-thread time by event (wasm lazy compilation, script, style, layout, paint) until
//   the first cards.
// --paste: no table of the above; a large text pasted into the add panel as a reader pastes
//   (a paste event carrying it; the text is handed to the page beforehand, as moving megabytes
//   through the DevTools protocol is a long task of its own), then "Analyse and add": the
//   main thread's long tasks (over 50 ms, the Long Tasks API) from the paste until the
//   status line says it was added, and the time to that; for 1 MB and 5 MB (seed 002
//   repeated) and for 5 MB of its words on one line, in fresh contexts, N loads each
//   (the page must never freeze for long while it analyses).
// --phases: no table; times apart, in a fresh page, the steps the page takes before its
//   first cards, with the engine alone (bench/pkg-z: crates/bench-wasm at the release profile
//   and wasm-opt -Oz, as shipped; scripts/bench-page.sh --phases builds it): fetch, compile
//   and instantiate of that module, the engine's build (Engine::try_builtin: knowledge base,
//   lexicons, matchers), and the analysis of the seeds and of the 1,000 articles, each the
//   first time (cold code, as at page start) and the best of 3 more.
import { readFile, readdir, mkdtemp, cp, copyFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../scripts/static-server.mjs";
import { launchChromium } from "./chromium.mjs";
import { SEED_FILES, vary } from "./corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const quick = argv.includes("--quick");
const loads = Number(opt("--loads", quick ? 2 : 7));
const inputs = Number(opt("--inputs", quick ? 6 : 30));
const nArticles = Number(opt("--articles", 1000));
const chromiumPath = opt("--chromium", "/usr/bin/chromium");
const profileWasm = opt("--profile", null);
const phases = argv.includes("--phases");
const trace = argv.includes("--trace");
const pasteMode = argv.includes("--paste");
let dist = resolve(opt("--dist", join(root, "dist")));

const KIB = 1024;
const kib = (n) => `${(n / KIB).toFixed(1)}`;
const ms = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(1));
const mib = (n) => (n ? `${(n / KIB / KIB).toFixed(1)}` : "-");
const best = (xs) => Math.min(...xs);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const table = (head, rows) =>
  [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

// ---- bytes shipped --------------------------------------------------------------------
async function sizes() {
  const files = (await readdir(dist)).filter((f) => !f.startsWith("."));
  const kindOf = (f) =>
    ({ ".wasm": "wasm", ".js": "JS", ".css": "CSS", ".html": "HTML" })[extname(f)] ?? extname(f).slice(1);
  const rows = [];
  for (const f of files.sort()) {
    const b = await readFile(join(dist, f));
    rows.push({
      file: f,
      kind: kindOf(f),
      raw: b.length,
      gz: gzipSync(b, { level: 9 }).length,
      br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      pageLoads: f !== "entente-embed.js",
    });
  }
  return rows;
}

// ---- a static server for dist/ on loopback, plus an empty page for seeding storage ------
// bench/ (the engine alone, for --phases) under /__bench/, dist/ for everything else
const serve = () =>
  serveStatic(
    [
      ["/__bench/", here],
      ["/", dist],
    ],
    { pages: { "/__blank.html": "<!DOCTYPE html><title>blank</title>" } },
  );

// ---- the reader's 1,000 articles, in the storage's own format --------------------------
function storedEnvelope(n) {
  const seeds = SEED_FILES.map((f) => readFileSync(join(root, f), "utf8"));
  const articles = [];
  for (let k = 0; k < n; k++) {
    const name = `generated-${String(k).padStart(4, "0")}.txt`;
    // the id src/storage.rs new_id gives that name (S4): unique, so no counter
    articles.push({ id: `user-${name.replace(/[^a-z0-9]+/g, "-")}`, name, text: vary(seeds[k % 5], Math.floor(k / 5)), warning: null });
  }
  return JSON.stringify({ version: 1, articles });
}

// ---- what runs in the page before its own scripts ---------------------------------------
function initScript() {
  const B = (window.__bench = {
    heapMax: 0,
    memory: null,
    fcp: null,
    cardsInDom: null,
    cardsAfterFrame: null,
    // the reader's saved articles are analysed after the first cards (src/app.rs load_saved):
    // when their progress bar went away, i.e. they joined the cards
    loadingSeen: false,
    savedIn: null,
  });
  const wrap = (orig) =>
    async function (...args) {
      const r = await orig.apply(this, args);
      const inst = r instanceof WebAssembly.Instance ? r : r.instance;
      if (inst && inst.exports.memory instanceof WebAssembly.Memory) B.memory = inst.exports.memory;
      return r;
    };
  WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
  WebAssembly.instantiate = wrap(WebAssembly.instantiate);
  const afterFrame = (f) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => f(performance.now());
      ch.port2.postMessage(0);
    });
  const sample = () => {
    if (performance.memory) B.heapMax = Math.max(B.heapMax, performance.memory.usedJSHeapSize);
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") B.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  const mo = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="card"]')) return;
    B.cardsInDom = performance.now();
    mo.disconnect();
    afterFrame((t) => (B.cardsAfterFrame = t));
  });
  mo.observe(document, { childList: true, subtree: true });
  const loading = new MutationObserver(() => {
    const bar = document.querySelector('[data-testid="loading-progress"]');
    if (bar) B.loadingSeen = true;
    else if (B.loadingSeen) {
      loading.disconnect();
      afterFrame((t) => (B.savedIn = t));
    }
  });
  loading.observe(document, { childList: true, subtree: true });

  // One filter input: resolves with times relative to the input event's timeStamp.
  B.armInput = () =>
    new Promise((done) => {
      const grid = () => document.querySelector('[data-testid="main"]');
      const sig = () => {
        const cards = [...document.querySelectorAll('[data-testid="card"]')];
        return `${cards.length}|${cards.map((c) => c.dataset.actor).join(",")}|${grid()?.textContent.length}`;
      };
      const before = sig();
      let t0 = null;
      let dom = null;
      const onInput = (e) => {
        if (t0 === null) t0 = e.timeStamp;
      };
      window.addEventListener("keydown", onInput, { capture: true, once: true });
      window.addEventListener("click", onInput, { capture: true, once: true });
      const check = (t) => {
        if (sig() !== before) {
          obs.disconnect();
          done({ dom: dom - t0, painted: t - t0, cards: document.querySelectorAll('[data-testid="card"]').length });
        } else {
          afterFrame(check);
        }
      };
      const obs = new MutationObserver(() => {
        if (dom !== null || t0 === null) return;
        dom = performance.now();
        afterFrame(check);
      });
      obs.observe(grid(), { childList: true, subtree: true, characterData: true, attributes: true });
    });
}

// ---- one browser for everything --------------------------------------------------------
const browser = await launchChromium(chromiumPath, ["--enable-precise-memory-info"]);
let server;
let tmp = null;
try {
  if (profileWasm) {
    // a copy of dist/ with the wasm swapped for the same build with names kept
    tmp = await mkdtemp(join(tmpdir(), "entente-page-"));
    await cp(dist, tmp, { recursive: true });
    const wasmName = (await readdir(dist)).find((f) => f.endsWith(".wasm"));
    await copyFile(profileWasm, join(tmp, wasmName));
    dist = tmp;
  }
  server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const envelope = storedEnvelope(nArticles);
  const corpora = [
    { name: "5 seeds", stored: null },
    { name: `${nArticles.toLocaleString("en")} articles + 5 seeds`, stored: envelope },
  ];

  /** A fresh context and page; stores the articles first when asked. */
  const open = async (stored) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`bench-page: page error: ${e}`));
    await page.addInitScript(initScript);
    let storedOk = null;
    if (stored) {
      await page.goto(`${origin}/__blank.html`);
      storedOk = await page.evaluate((v) => {
        try {
          localStorage.setItem("entente.articles", v);
          return { ok: true, chars: v.length };
        } catch (e) {
          return { ok: false, chars: v.length, error: `${e.name}: ${e.message}` };
        }
      }, stored);
      if (!storedOk.ok) throw new Error(`the ${nArticles} articles do not fit in localStorage: ${storedOk.error}`);
    }
    const cdp = await context.newCDPSession(page);
    return { context, page, cdp, storedOk };
  };
  const load = async (page, stored) => {
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => window.__bench.cardsAfterFrame !== null && window.__bench.fcp !== null, null, {
      timeout: 120_000,
      polling: 50,
    });
    // with saved articles, everything after this (inputs, memory) is measured once they are in
    if (stored) {
      await page.waitForFunction(() => window.__bench.savedIn !== null, null, { timeout: 300_000, polling: 50 });
    }
    return page.evaluate(() => {
      const B = window.__bench;
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      const painted = B.fcp >= B.cardsInDom ? B.fcp : B.cardsAfterFrame;
      return {
        cardsInDom: B.cardsInDom,
        painted,
        paintBy: B.fcp >= B.cardsInDom ? "fcp" : "frame",
        savedIn: B.savedIn,
        wasmEnd: wasm ? wasm.responseEnd : null,
        cards: document.querySelectorAll('[data-testid="card"]').length,
        docs: document.querySelectorAll('[data-testid="filter-article"] option').length - 1,
        heapMax: B.heapMax,
        wasmMemory: B.memory ? B.memory.buffer.byteLength : null,
      };
    });
  };

  if (pasteMode) {
    await pasteTasks(open, load);
  } else if (trace) {
    for (const c of corpora) await traceLoad(c, open, load);
  } else if (phases) {
    await phaseTimes(origin, JSON.parse(envelope).articles.map((a) => a.text));
  } else if (profileWasm) {
    for (const c of corpora) await profileLoad(c, open, load, origin);
  } else {
    const version = browser.version();
    const files = await sizes();
    const results = [];
    for (const c of corpora) {
      const runs = [];
      let storedChars = null;
      for (let i = 0; i < loads; i++) {
        process.stderr.write(`bench-page: ${c.name}, load ${i + 1}/${loads}… `);
        const { context, page, cdp, storedOk } = await open(c.stored);
        storedChars = storedOk?.chars ?? null;
        await cdp.send("Performance.enable");
        const r = await load(page, c.stored);
        const { metrics } = await cdp.send("Performance.getMetrics");
        r.heapMax = Math.max(r.heapMax, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0);
        process.stderr.write(`${ms(r.painted)} ms, ${r.cards} cards\n`);
        // filter inputs on the last load only (the page is the same each time)
        if (i === loads - 1) {
          r.inputs = [];
          const select = page.locator('[data-testid="filter-quad"]');
          const clear = page.locator('[data-testid="clear-filters"]');
          for (let k = 0; k < inputs; k++) {
            const armed = page.evaluate(() => window.__bench.armInput());
            await page.waitForTimeout(30);
            if (k % 2 === 0) {
              await select.focus();
              await page.keyboard.press("ArrowDown");
            } else {
              await clear.click();
            }
            const t = await armed;
            r.inputs.push({ kind: k % 2 === 0 ? "select" : "clear", ...t });
          }
        }
        runs.push(r);
        await context.close();
      }
      results.push({ corpus: c, runs, storedChars });
    }
    report(version, files, results, await quota(origin));
  }
} finally {
  await browser.close();
  server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

/** The most characters one localStorage value takes here (binary search, fresh context). */
async function quota(origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/__blank.html`);
  const n = await page.evaluate(() => {
    const fits = (n) => {
      try {
        localStorage.clear();
        localStorage.setItem("entente.articles", "a".repeat(n));
        return true;
      } catch {
        return false;
      }
    };
    let [lo, hi] = [0, 64 * 1024 * 1024];
    while (hi - lo > 1024) {
      const m = Math.floor((lo + hi) / 2);
      if (fits(m)) lo = m;
      else hi = m;
    }
    localStorage.clear();
    return lo;
  });
  await context.close();
  return n;
}

function report(version, files, results, quotaChars) {
  const out = [];
  const sum = (rows, k) => rows.reduce((a, r) => a + r[k], 0);
  out.push(`Chromium ${version}, headless, on 127.0.0.1; dist/ from \`trunk build --release\`.`);
  out.push("");
  out.push("Bytes shipped (KiB; gzip -9, brotli 11):");
  out.push("");
  const fileRows = files.map((f) => [f.file, f.kind, kib(f.raw), kib(f.gz), kib(f.br)]);
  const loaded = files.filter((f) => f.pageLoads);
  for (const kind of ["wasm", "JS", "CSS", "HTML"]) {
    const k = loaded.filter((f) => f.kind === kind);
    if (k.length) fileRows.push([`**${kind}**, loaded by index.html`, "", kib(sum(k, "raw")), kib(sum(k, "gz")), kib(sum(k, "br"))]);
  }
  fileRows.push(["**total loaded by index.html**", "", kib(sum(loaded, "raw")), kib(sum(loaded, "gz")), kib(sum(loaded, "br"))]);
  fileRows.push(["**all of dist/**", "", kib(sum(files, "raw")), kib(sum(files, "gz")), kib(sum(files, "br"))]);
  out.push(table(["file", "kind", "raw", "gzip", "brotli"], fileRows));
  out.push("");
  out.push(`Page (ms from navigation start; best / median of ${loads} fresh loads; inputs: best / median of ${inputs / 2} each):`);
  out.push("");
  const rows = [];
  for (const { corpus, runs } of results) {
    const last = runs[runs.length - 1];
    const col = (k) => `${ms(best(runs.map((r) => r[k])))} / ${ms(median(runs.map((r) => r[k])))}`;
    const inp = (kind, k) => {
      const xs = last.inputs.filter((x) => x.kind === kind).map((x) => x[k]);
      return `${ms(best(xs))} / ${ms(median(xs))}`;
    };
    rows.push([
      corpus.name,
      String(last.docs),
      String(last.cards),
      col("wasmEnd"),
      col("cardsInDom"),
      col("painted"),
      runs.every((r) => r.savedIn === null) ? "-" : col("savedIn"),
      `${inp("select", "dom")} → ${inp("select", "painted")}`,
      `${inp("clear", "dom")} → ${inp("clear", "painted")}`,
      mib(Math.max(...runs.map((r) => r.heapMax))),
      mib(Math.max(...runs.map((r) => r.wasmMemory))),
    ]);
  }
  out.push(
    table(
      ["corpus", "articles", "cards", "wasm fetched", "cards in DOM", "first cards painted", "saved articles in", "select a class: DOM → painted", "clear filters: DOM → painted", "JS heap MiB", "wasm memory MiB"],
      rows,
    ),
  );
  const how = results.flatMap((r) => r.runs.map((x) => x.paintBy));
  out.push("");
  out.push(
    `first cards painted = first-contentful-paint in ${how.filter((h) => h === "fcp").length} of ${how.length} loads ` +
      "(the cards were in the DOM before it), else the end of the frame after they were inserted.",
  );
  const st = results.find((r) => r.storedChars);
  if (st) {
    out.push(
      `Stored articles: ${(st.storedChars / 1e6).toFixed(2)} million characters under \`entente.articles\`; ` +
        `the most one value takes here (measured) is ${(quotaChars / 1e6).toFixed(2)} million ` +
        `(${((100 * st.storedChars) / quotaChars).toFixed(0)}% used).`,
    );
  }
  console.log(out.join("\n"));
}

/** Long tasks from a large paste to its cards (--paste). */
async function pasteTasks(open, load) {
  const seed = readFileSync(join(root, SEED_FILES[2]), "utf8");
  const rows = [];
  // the page takes up to 5 MiB: the most whole copies of the seed under 1 or 5 million
  // bytes; and the seed's words as one 5 MB line (no paragraph to cut the work at)
  const copies = (mb) => seed.repeat(Math.floor((mb * 1e6) / Buffer.byteLength(seed)));
  const words = seed.split(/\s+/).filter(Boolean);
  let line = "";
  for (let i = 0; line.length < 5e6 - 40; i++) line += words[i % words.length] + " ";
  const texts = [
    ["1 MB", copies(1)],
    ["5 MB", copies(5)],
    ["5 MB, one line", line.trimEnd()],
  ];
  for (const [label, text] of texts) {
    const runs = [];
    for (let i = 0; i < loads; i++) {
      process.stderr.write(`bench-page: paste ${label}, run ${i + 1}/${loads}… `);
      const { context, page } = await open(null);
      await load(page, null);
      await page.locator('[data-testid="add-open"]').click();
      await page.evaluate((t) => (window.__text = t), text);
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        const B = window.__bench;
        B.tasks = [];
        B.t0 = performance.now();
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) B.tasks.push([e.startTime - B.t0, e.duration]);
        }).observe({ type: "longtask" });
        const box = document.querySelector('[data-testid="add-text"]');
        const data = new DataTransfer();
        data.setData("text/plain", window.__text);
        const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
        if (box.dispatchEvent(paste)) {
          // not held by the page: the box takes it, as the browser would
          box.value = window.__text;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }
        delete window.__text;
      });
      await page.waitForTimeout(100);
      await page.locator('[data-testid="add-submit"]').click();
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="status-msg"]')?.textContent ?? "").startsWith("Added"),
        null,
        { timeout: 300_000, polling: 20 },
      );
      const r = await page.evaluate(() => {
        const B = window.__bench;
        return new Promise((ok) =>
          // the frame after "Added", then whatever long task it had
          requestAnimationFrame(() => setTimeout(() => ok({ added: performance.now() - B.t0, tasks: B.tasks }), 200)),
        );
      });
      process.stderr.write(`${r.tasks.length} long tasks\n`);
      runs.push(r);
      await context.close();
    }
    const longest = runs.map((r) => Math.max(0, ...r.tasks.map((t) => t[1])));
    const worst = runs[longest.indexOf(median(longest))] ?? runs[0];
    rows.push([
      `${label} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB)`,
      String(runs.length),
      `${ms(best(runs.map((r) => r.added)))} / ${ms(median(runs.map((r) => r.added)))}`,
      `${median(runs.map((r) => r.tasks.length))}`,
      `${ms(best(longest))} / ${ms(median(longest))}`,
      worst.tasks.length
        ? [...worst.tasks]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .map(([at, d]) => `${Math.round(d)} at ${Math.round(at)}`)
            .join(", ") + (worst.tasks.length > 4 ? `, and ${worst.tasks.length - 4} more` : "")
        : "none",
    ]);
  }
  console.log(
    [
      `A large paste, analysed and added: the main thread's long tasks (over 50 ms), Chromium ${browser.version()}:`,
      "",
      table(
        ["paste", "runs", "added after ms (best / median)", "long tasks (median count)", "longest ms (best / median)", "the longest tasks of the median run: ms, at ms after the paste"],
        rows,
      ),
    ].join("\n"),
  );
}

/** Where the main thread's time goes from navigation to the first cards, then over filter
 * inputs (V8's sampling profiler). */
async function profileLoad(c, open, load, origin) {
  const { context, page, cdp } = await open(c.stored);
  if (!c.stored) await page.goto(`${origin}/__blank.html`);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const r = await load(page, c.stored);
  let { profile } = await cdp.send("Profiler.stop");
  summarise(profile, `${c.name}: first cards painted at ${ms(r.painted)} ms (cards in DOM ${ms(r.cardsInDom)} ms)`);
  const n = Math.max(2, Math.min(inputs, 10));
  await cdp.send("Profiler.start");
  const times = [];
  for (let k = 0; k < n; k++) {
    const armed = page.evaluate(() => window.__bench.armInput());
    await page.waitForTimeout(30);
    if (k % 2 === 0) {
      await page.locator('[data-testid="filter-quad"]').focus();
      await page.keyboard.press("ArrowDown");
    } else {
      await page.locator('[data-testid="clear-filters"]').click();
    }
    times.push((await armed).dom);
  }
  ({ profile } = await cdp.send("Profiler.stop"));
  summarise(profile, `${c.name}: ${n} filter inputs (select a class, clear filters), DOM updated after ${times.map((t) => ms(t)).join(", ")} ms`);
  await context.close();
}

/** Main-thread samples (not idle) by stage and by function. */
function summarise(profile, title) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
  const nameOf = (n) => n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
  // a sample goes to the stage of its innermost frame that names one
  const stages = [
    ["knowledge base and lexicons parse (serde_json)", /serde|from_json|KnowledgeBase|Lexicon::builtin|::builtin/],
    ["matcher build (aho-corasick)", /aho_corasick::.*(build|Builder)|ActorMatcher::new|nfa::|dfa::Builder/],
    ["analysis (entente_core)", /entente_core::/],
    ["page corpus and filters (entente::corpus, filter, pack, ...)", /entente::(corpus|filter|present|highlight|url|storage|pack)/],
    ["render (Leptos, DOM calls)", /tachys|reactive_graph|leptos|entente::(app|views)|web_sys|js_sys|wasm_bindgen|__wbg/],
    ["allocator", /dlmalloc|__rust_(alloc|dealloc|realloc)|__rdl_|memcpy|memmove|memset/],
  ];
  const self = new Map();
  const stage = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(profile.samples[i]);
    const leafName = nameOf(leaf);
    if (leafName === "(idle)") continue;
    total += dt;
    self.set(leafName, (self.get(leafName) ?? 0) + dt);
    let s = null;
    for (let n = leaf; n && !s; n = byId.get(parent.get(n.id))) {
      const nm = nameOf(n);
      for (const [label, re] of stages) if (!s && re.test(nm)) s = label;
      if (["(garbage collector)", "(program)"].includes(nm)) s = `${nm} (browser: compile, style, layout, paint, ...)`;
    }
    s ??= "other JS";
    stage.set(s, (stage.get(s) ?? 0) + dt);
  }
  console.log(`\n${title}; main-thread samples, not idle: ${ms(total / 1000)} ms`);
  for (const [s, us] of [...stage.entries()].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${ms(us / 1000).padStart(8)} ms  ${s}`);
  }
  console.log("  top functions by self time:");
  for (const [n, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${ms(us / 1000).padStart(8)} ms  ${n.slice(0, 140)}`);
  }
}

/** The steps before the first cards, timed apart with the engine alone (bench/pkg-z). */
async function phaseTimes(origin, articles) {
  const seeds = SEED_FILES.map((f) => readFileSync(join(root, f), "utf8"));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/__blank.html`);
  const r = await page.evaluate(
    async ([seeds, articles]) => {
      const t = () => performance.now();
      const timed = (f) => {
        const t0 = t();
        const v = f();
        return [t() - t0, v];
      };
      const t0 = t();
      const mod = await import("/__bench/pkg-z/entente_bench_wasm.js");
      await mod.default();
      const load = t() - t0;
      const [engine, bench] = timed(() => new mod.Bench());
      const [engineAgain, b2] = timed(() => new mod.Bench());
      b2.free();
      const runs = (texts) => {
        const first = timed(() => bench.analyze_all(texts))[0];
        const more = [1, 2, 3].map(() => timed(() => bench.analyze_all(texts))[0]);
        return [first, Math.min(...more)];
      };
      const s = runs(seeds);
      const a = runs(articles);
      return { load, engine, engineAgain, seeds: s, articles: a };
    },
    [seeds, articles],
  );
  await context.close();
  const mb = (texts) => (texts.reduce((n, x) => n + Buffer.byteLength(x), 0) / 1e6).toFixed(2);
  console.log(
    [
      `Steps before the first cards, the engine alone (bench/pkg-z, as shipped), Chromium ${browser.version()}, ms:`,
      "",
      table(
        ["step", "first (cold)", "again (best of 3)"],
        [
          ["fetch + compile + instantiate the engine module", ms(r.load), "-"],
          ["build the engine (knowledge base, lexicons, matchers)", ms(r.engine), ms(r.engineAgain)],
          [`analyse the 5 seeds (${mb(seeds)} MB)`, ms(r.seeds[0]), ms(r.seeds[1])],
          [`analyse ${articles.length} articles (${mb(articles)} MB)`, ms(r.articles[0]), ms(r.articles[1])],
        ],
      ),
    ].join("\n"),
  );
}

/** One load under Chromium's tracing: the renderer main thread's time by event name. */
async function traceLoad(c, open, load) {
  const { context, page } = await open(c.stored);
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8.wasm", "loading"],
  });
  const r = await load(page);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  // the renderer main thread that ran the page's script
  const mains = traceEvents.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
  const main = mains.find((m) => traceEvents.some((e) => e.pid === m.pid && e.tid === m.tid && e.name === "v8.wasm.compileConsume")) ?? mains[0];
  const on = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const sum = (name) => on.filter((e) => e.name === name).reduce((a, e) => a + e.dur, 0) / 1000;
  const longest = Math.max(...on.filter((e) => e.name === "RunTask").map((e) => e.dur)) / 1000;
  console.log(`\n${c.name}: first cards painted at ${ms(r.painted)} ms (cards in DOM ${ms(r.cardsInDom)} ms); renderer main thread, ms:`);
  console.log(
    table(
      ["event", "ms"],
      [
        ["longest task (the wasm start: engine, analysis, first render)", ms(longest)],
        ["wasm.CompileLazy (V8 compiling wasm functions at their first call)", ms(sum("wasm.CompileLazy"))],
        ["v8.wasm.compileConsume (streaming compile, main-thread part)", ms(sum("v8.wasm.compileConsume"))],
        ["UpdateLayoutTree (style)", ms(sum("UpdateLayoutTree"))],
        ["Layout", ms(sum("Layout"))],
        ["PrePaint + Paint", ms(sum("PrePaint") + sum("Paint"))],
        ["MinorGC + MajorGC", ms(sum("MinorGC") + sum("MajorGC"))],
      ],
    ),
  );
}
