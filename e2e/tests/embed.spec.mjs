// Embedding (the forms docs/embedding.md promises host sites): the example host pages in examples/ served beside the release build
// (/examples/*.html load ../dist/entente-embed.js or frame ../dist/index.html), as a site
// would after copying dist/ next to its pages. One embed, two independent embeds under
// hostile host CSS, the hash mode, unmounting, the iframe form, and all of it under a
// strict Content-Security-Policy. The fixture fails any test with a console error.
import { test, expect, Explorer } from "./fixtures.mjs";
import { startServer, STRICT_CSP, EXAMPLE_SITE } from "./servers.mjs";

const PORT = Number(process.env.ENTENTE_E2E_PORT ?? 4173) + 20;

let site;
test.beforeAll(async () => {
  site = await startServer({ port: PORT, maps: EXAMPLE_SITE });
});
test.afterAll(() => site?.stop());

const example = (name, base = site.url) => `${base}examples/${name}`;
// one explorer's locators (explorer-page.mjs) in an embed, an iframe or the page
const cards = (scope) => new Explorer(scope).cards;
const card = (scope, id) => new Explorer(scope).card(id);
const heading = (scope) => new Explorer(scope).heading;
const historyLength = (page) => page.evaluate(() => history.length);

/** Loads the embed module in the page (the same instance the script tag loaded). */
const withEmbedModule = (page, fn, arg) =>
  page.evaluate(
    async ([body, arg]) => {
      const m = await import(new URL("../dist/entente-embed.js", location.href).href);
      return new Function("m", "arg", `return (${body})(m, arg);`)(m, arg);
    },
    [fn.toString(), arg],
  );

test("one embed: cards with its starting filter, in a labelled region, the URL untouched", async ({ page }) => {
  await page.goto(example("embed.html"));
  const e = page.locator("#entente-iran");
  await expect(cards(e).first()).toBeVisible();
  const url0 = page.url();
  const len0 = await historyLength(page);

  // E1: data-country="IRN" is the starting filter
  await expect(e.getByTestId("filter-country")).toHaveValue("IRN");
  await expect(card(e, "IRN")).toBeVisible();
  await expect(e.getByTestId("counts")).toContainText(" of ");
  await expect(e).not.toContainText("Loading the Entente explorer");

  // a region of the host page: no <h1>, no <main> (the host has its own), headings from h2
  await expect(page.getByRole("region", { name: "Entente explorer" })).toHaveCount(1);
  await expect(e.locator("h1")).toHaveCount(0);
  await expect(e.locator("main, [role=main]")).toHaveCount(0);
  await expect(page.locator("h1")).toHaveText("Iran and its partners, in the news");
  await expect(e.locator("h2").first()).toHaveText("Entente");
  await expect(card(e, "IRN").locator("h3")).toHaveText("Iran");

  // E2 compact: cards only, a short filter row
  await expect(e.getByTestId("tab-graph")).toHaveCount(0);
  await expect(e.getByTestId("add-open")).toHaveCount(0);
  await expect(e.getByTestId("filter-kind")).toHaveCount(0);
  await expect(e.getByTestId("filter-leader")).toBeVisible();

  // E6: the link to the full explorer follows the view
  const link = e.getByTestId("full-link");
  await expect(link).toHaveAttribute("href", `${site.url}dist/index.html?country=IRN`);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener");

  // E4 off: filtering and opening cards never touch the address bar or history
  await e.getByTestId("filter-country").selectOption("RUS");
  await expect(card(e, "RUS")).toBeVisible();
  await card(e, "putin").click();
  await expect(heading(e)).toHaveText("Vladimir Putin");
  await e.getByTestId("filter-q").fill("drones");
  await expect(link).toHaveAttribute("href", `${site.url}dist/index.html?country=RUS&q=drones&actor=putin`);
  expect(page.url()).toBe(url0);
  expect(await historyLength(page)).toBe(len0);

  // Escape closes the embed's panel (its own key handler)
  await heading(e).focus();
  await page.keyboard.press("Escape");
  await expect(e.getByTestId("actor-view")).toHaveCount(0);
  // and the host page around it is untouched
  await expect(page.locator("#after")).toHaveText("The host page goes on after the explorer.");
});

test("two embeds on one page work independently", async ({ page }) => {
  await page.goto(example("two-embeds.html"));
  const a = page.locator("#embed-a");
  const b = page.locator("#embed-b");
  await expect(cards(a).first()).toBeVisible();
  await expect(cards(b).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Entente explorer" })).toHaveCount(2);

  // each starts from its own attributes
  await expect(a.getByTestId("filter-country")).toHaveValue("IRN");
  await expect(a.getByTestId("filter-leader")).toHaveValue("");
  await expect(b.getByTestId("filter-leader")).toHaveValue("putin");
  await expect(b.getByTestId("filter-country")).toHaveValue("");
  await expect(a.getByTestId("app")).toHaveClass(/ent-root--light/);
  await expect(b.getByTestId("app")).toHaveClass(/ent-root--dark/);
  const bCounts = await b.getByTestId("counts").textContent();
  const bCards = await cards(b).count();

  // filter one: the other does not change
  const aCounts = await a.getByTestId("counts").textContent();
  await a.getByTestId("filter-country").selectOption("RUS");
  await expect(a.getByTestId("counts")).not.toHaveText(aCounts);
  await expect(b.getByTestId("filter-country")).toHaveValue("");
  await expect(b.getByTestId("filter-leader")).toHaveValue("putin");
  await expect(b.getByTestId("counts")).toHaveText(bCounts);
  expect(await cards(b).count()).toBe(bCards);

  // open a card in one: the other opens nothing
  await card(b, "IRN").click();
  await expect(heading(b)).toHaveText("Iran");
  await expect(a.getByTestId("actor-view")).toHaveCount(0);
  await card(a, "RUS").click();
  await expect(heading(a)).toHaveText("Russia");
  await expect(heading(b)).toHaveText("Iran");

  // the full embed has the graph; switching it leaves the compact one on its cards
  await b.getByTestId("tab-graph").click();
  await expect(b.getByTestId("graph")).toBeVisible();
  await expect(cards(a).first()).toBeVisible();
  await expect(a.getByTestId("graph")).toHaveCount(0);
});

test("host CSS that restyles div, p, button and more does not break an embed", async ({ page }) => {
  await page.goto(example("two-embeds.html"));
  const a = page.locator("#embed-a");
  const b = page.locator("#embed-b");
  await expect(cards(a).first()).toBeVisible();
  await expect(cards(b).first()).toBeVisible();
  const css = (loc, prop) => loc.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

  // the hostile rules are live on the host's own elements
  expect(await css(page.locator("#first"), "text-transform")).toBe("uppercase");
  expect(await css(a, "display")).toBe("flex");
  expect(await css(a, "padding-top")).toBe("40px");

  for (const e of [a, b]) {
    const root = e.getByTestId("app");
    expect(await css(root, "font-size")).toBe("15px");
    expect(await css(root, "color")).not.toBe("rgb(255, 0, 0)");
    expect(await css(root, "padding-top")).toBe("0px");

    const c = cards(e).first();
    await expect(c).toBeVisible();
    // div: not turned into a padded flex box
    const bars = c.locator(".ent-card__bars");
    expect(await css(bars, "display")).toBe("block");
    expect(await css(bars, "padding-top")).toBe("0px");
    expect(await css(bars, "color")).not.toBe("rgb(255, 0, 0)");
    // p: shown (card meta line, evidence line)
    const meta = c.locator("p.ent-card__meta");
    await expect(meta).toBeVisible();
    expect(await css(meta, "display")).toBe("block");
    const evidence = c.locator("p.ent-evidence__meta").first();
    await expect(evidence).toBeVisible();
    expect(await css(evidence, "display")).toBe("flex");
    await expect(c.locator("blockquote.ent-quote").first()).toBeVisible();
    // headings and lists keep the explorer's look
    const title = c.locator("h3");
    expect(parseFloat(await css(title, "font-size"))).toBeLessThan(20);
    expect(await css(title, "text-transform")).toBe("none");
    const grid = e.locator("ul.ent-grid");
    expect(await css(grid, "list-style-type")).toBe("none");
    expect(await css(grid, "padding-left")).toBe("0px");
    expect(await css(grid, "display")).toBe("grid");
    // span: no host letter-spacing
    expect(await css(c.locator(".ent-chip__n").first(), "letter-spacing")).toBe("normal");
    // button: visible, styled, clickable
    const chip = c.getByTestId("counterpart").first();
    await expect(chip).toBeVisible();
    expect(await css(chip, "visibility")).toBe("visible");
    // inline-flex, blockified to flex as an item of the counterpart row (display: flex)
    expect(await css(chip, "display")).toBe("flex");
    expect(await css(chip, "cursor")).toBe("pointer");
    expect(parseFloat(await css(chip, "border-top-width"))).toBeGreaterThan(0);
    // select and input: shown
    await expect(e.getByTestId("filter-country")).toBeVisible();
    await expect(e.getByTestId("filter-q")).toBeVisible();
    // box-sizing: the explorer's own, not the host's `* { box-sizing: content-box }`
    expect(await css(c, "box-sizing")).toBe("border-box");
  }

  // buttons work: a counterpart chip opens that actor, Close closes, Clear filters clears
  const chip = cards(a).first().getByTestId("counterpart").first();
  const name = (await chip.getAttribute("title")).replace(/^Open /, "");
  await chip.click();
  await expect(heading(a)).toHaveText(name);
  await a.getByTestId("panel-close").click();
  await expect(a.getByTestId("actor-view")).toHaveCount(0);
  await a.getByTestId("clear-filters").click();
  await expect(a.getByTestId("filter-country")).toHaveValue("");
  await expect(b.getByRole("button", { name: "Export CSV" })).toBeVisible();
});

test("data-url=hash keeps the view under the embed's key and leaves the rest of the hash alone", async ({ page }) => {
  await page.goto(example("two-embeds.html") + "#second");
  const a = page.locator("#embed-a");
  const b = page.locator("#embed-b");
  await expect(cards(a).first()).toBeVisible();
  await expect(cards(b).first()).toBeVisible();
  const hash = () => page.evaluate(() => location.hash);
  // E7: the starting view is written after the host's own part; no new history entry
  await expect.poll(hash).toBe("#second;ent1:country=IRN");
  const len0 = await historyLength(page);

  await a.getByTestId("filter-country").selectOption("RUS");
  await expect.poll(hash).toBe("#second;ent1:country=RUS");
  await card(a, "putin").click();
  await expect.poll(hash).toBe("#second;ent1:country=RUS&actor=putin");
  expect(await historyLength(page)).toBe(len0);

  // the other embed (data-url off) never writes
  await b.getByTestId("filter-country").selectOption("IRN");
  await expect(b.getByTestId("counts")).toBeVisible();
  expect(await hash()).toBe("#second;ent1:country=RUS&actor=putin");
  expect(page.url()).toContain("/examples/two-embeds.html#");

  // a reload restores the hashed embed from the hash, the other from its attributes
  await page.reload();
  await expect(cards(a).first()).toBeVisible();
  await expect(a.getByTestId("filter-country")).toHaveValue("RUS");
  await expect(heading(a)).toHaveText("Vladimir Putin");
  await expect(b.getByTestId("filter-country")).toHaveValue("");
  await expect(b.getByTestId("filter-leader")).toHaveValue("putin");

  // the hash edited by hand (or by the host) is read back
  await page.evaluate(() => (location.hash = "second;ent1:leader=putin"));
  await expect(a.getByTestId("filter-leader")).toHaveValue("putin");
  await expect(a.getByTestId("filter-country")).toHaveValue("");
  await expect(a.getByTestId("actor-view")).toHaveCount(0);

  // back to the default view: the embed's part goes, the host's stays
  await a.getByTestId("clear-filters").click();
  await expect.poll(hash).toBe("#second");
});

test("bad attribute values give a quiet notice in the embed, never a crash", async ({ page }) => {
  await page.goto(example("embed.html"));
  await expect(cards(page.locator("#entente-iran")).first()).toBeVisible();
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.id = "late";
    el.dataset.entente = "";
    el.dataset.country = "Iran";
    el.dataset.theme = "blue";
    el.dataset.url = "history";
    el.dataset.actor = "<script>";
    document.querySelector("main").append(el);
  });
  // mountAll mounts the late element only (the first one already holds an explorer)
  expect(await withEmbedModule(page, (m) => m.mountAll())).toBe(1);
  const late = page.locator("#late");
  await expect(cards(late).first()).toBeVisible();
  const notices = late.getByTestId("notice");
  await expect(notices).toHaveCount(4);
  for (const attr of ["data-country", "data-actor", "data-theme", "data-url"])
    await expect(late.getByTestId("notices")).toContainText(attr);
  // nothing was applied: no filter, auto theme, no hash
  await expect(late.getByTestId("filter-country")).toHaveValue("");
  await expect(late.getByTestId("app")).not.toHaveClass(/ent-root--(dark|light)/);
  expect(await page.evaluate(() => location.hash)).toBe("");
  await late.getByTestId("notices-dismiss").click();
  await expect(notices).toHaveCount(0);
});

/** Counts the listeners on window and document, from before the page's scripts run. */
async function trackListeners(page) {
  await page.addInitScript(() => {
    const targets = new Map([
      [window, "window"],
      [document, "document"],
    ]);
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const capture = (o) => (typeof o === "boolean" ? o : Boolean(o && o.capture));
    const live = [];
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      const t = targets.get(this);
      if (t && fn && !live.some((l) => l.t === t && l.type === type && l.fn === fn && l.c === capture(opts)))
        live.push({ t, type, fn, c: capture(opts) });
      return add.call(this, type, fn, opts);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, opts) {
      const t = targets.get(this);
      const i = live.findIndex((l) => l.t === t && l.type === type && l.fn === fn && l.c === capture(opts));
      if (i >= 0) live.splice(i, 1);
      return remove.call(this, type, fn, opts);
    };
    window.__globalListeners = () => live.map((l) => `${l.t}:${l.type}`).sort();
  });
}

test("unmounting leaves no global listeners and nothing that reacts to the host's events", async ({ page }) => {
  await trackListeners(page);
  await page.goto(example("two-embeds.html"));
  const a = page.locator("#embed-a");
  const b = page.locator("#embed-b");
  await expect(cards(a).first()).toBeVisible();
  await expect(cards(b).first()).toBeVisible();
  // while mounted: only the hash embed listens on window (to hashchange); the other adds nothing
  expect(await page.evaluate(() => window.__globalListeners())).toEqual(["window:hashchange"]);

  // use both (panels take focus on the next frame), then unmount at once
  await card(a, "IRN").click();
  await card(b, "putin").click();
  const result = await withEmbedModule(page, async (m) => [
    await m.unmount(document.querySelector("#embed-a")),
    await m.unmount(document.querySelector("#embed-b")),
    await m.unmount(document.querySelector("#embed-b")),
  ]);
  expect(result).toEqual([true, true, false]);
  expect(await page.evaluate(() => window.__globalListeners())).toEqual([]);
  await expect(a.locator("*")).toHaveCount(0);
  await expect(b.locator("*")).toHaveCount(0);

  // the host's own events reach nothing of the explorer: the hash stays as the host sets it
  await page.evaluate(async () => {
    location.hash = "host-only";
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    window.dispatchEvent(new PopStateEvent("popstate"));
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    window.dispatchEvent(new Event("resize"));
    document.querySelector("#embed-a").click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
  });
  expect(await page.evaluate(() => location.hash)).toBe("#host-only");
  await expect(page.locator("#first")).toHaveText(/Iran, cards only/i);

  // and the same elements can take an explorer again
  expect(await withEmbedModule(page, (m) => m.mountAll())).toBe(2);
  await expect(cards(a).first()).toBeVisible();
  await expect(cards(b).first()).toBeVisible();
  expect(await page.evaluate(() => window.__globalListeners())).toEqual(["window:hashchange"]);
});

test("the iframe form: compact, no page chrome, a relative link out, the parent's history untouched", async ({ page }) => {
  await page.goto(example("iframe.html"));
  const f = page.frameLocator("iframe");
  await expect(cards(f).first()).toBeVisible();
  const len0 = await historyLength(page);
  const frame = page.frames().find((x) => x !== page.mainFrame());
  const frameUrl = frame.url();
  expect(frameUrl).toBe(`${site.url}dist/index.html?embed=1&country=IRN`);

  // E8: the compact view with its filter, no header, no add panel, no graph, no <h1>/<main>
  await expect(f.getByTestId("filter-country")).toHaveValue("IRN");
  await expect(card(f, "IRN")).toBeVisible();
  await expect(f.locator(".ent-header")).toHaveCount(0);
  await expect(f.getByTestId("add-open")).toHaveCount(0);
  await expect(f.getByTestId("tab-graph")).toHaveCount(0);
  await expect(f.locator("h1, main")).toHaveCount(0);

  // E9: a relative link to the same view without embed=1, in a new tab
  const link = f.getByTestId("full-link");
  await expect(link).toHaveText("Open in the full explorer");
  await expect(link).toHaveAttribute("href", "index.html?country=IRN");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener");

  // its own URL writing is off: neither the frame's URL nor the parent's history moves
  await f.getByTestId("filter-country").selectOption("RUS");
  await expect(link).toHaveAttribute("href", "index.html?country=RUS");
  await card(f, "RUS").click();
  await expect(heading(f)).toHaveText("Russia");
  expect(frame.url()).toBe(frameUrl);
  expect(await historyLength(page)).toBe(len0);
  expect(page.url()).toBe(example("iframe.html"));

  // the link opens the full explorer on that view
  const [full] = await Promise.all([page.waitForEvent("popup"), link.click()]);
  await full.waitForLoadState();
  expect(full.url()).toBe(`${site.url}dist/index.html?country=RUS&actor=RUS`);
  await expect(full.locator("h1")).toHaveText("Entente");
  await expect(full.getByTestId("filter-country")).toHaveValue("RUS");
  await expect(full.getByTestId("tab-graph")).toBeVisible();
  await full.close();
});

test.describe("under a strict Content-Security-Policy", () => {
  const violations = (page) => {
    const seen = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text());
    });
    return seen;
  };

  test("the embed script needs no inline script: one and two embeds", async ({ page }) => {
    const seen = violations(page);
    const csp = await startServer({ port: PORT + 1, maps: EXAMPLE_SITE, csp: STRICT_CSP });
    try {
      await page.goto(example("embed.html", csp.url));
      await expect(card(page.locator("#entente-iran"), "IRN")).toBeVisible();
      await page.goto(example("two-embeds.html", csp.url));
      await expect(cards(page.locator("#embed-a")).first()).toBeVisible();
      await expect(cards(page.locator("#embed-b")).first()).toBeVisible();
      // the bars' widths are set through the CSSOM, which the policy allows
      const w = await page.locator("#embed-a .ent-bar__part").first().evaluate((el) => el.style.width);
      expect(w).toMatch(/%$/);
      expect(seen).toEqual([]);
    } finally {
      csp.stop();
    }
  });

  test("the iframe form, for a host that allows framing itself", async ({ page }) => {
    const seen = violations(page);
    const csp = await startServer({ port: PORT + 2, maps: EXAMPLE_SITE, csp: `${STRICT_CSP}; frame-src 'self'` });
    try {
      await page.goto(example("iframe.html", csp.url));
      await expect(card(page.frameLocator("iframe"), "IRN")).toBeVisible();
      expect(seen).toEqual([]);
    } finally {
      csp.stop();
    }
  });
});
