// Accessibility (every view usable with assistive technology): axe-core over each main view, WCAG 2 A and AA rules, no serious or
// critical violation. Each run prints its counts by impact (and the rules behind them), so
// the report can be read off the test output. The views: the cards, a full card, the pair
// (say vs do), the article reader, the filters with an empty result, the add-article panel,
// the dark theme, phone width, the compact embed (examples/embed.html) and the iframe form.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, Explorer } from "./fixtures.mjs";
import { startServer, EXAMPLE_SITE } from "./servers.mjs";

const PORT = Number(process.env.ENTENTE_E2E_PORT ?? 4173) + 30;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let site;
test.beforeAll(async () => {
  site = await startServer({ port: PORT, maps: EXAMPLE_SITE });
});
test.afterAll(() => site?.stop());

/** Runs axe over the page as it is and fails on any serious or critical violation. */
async function audit(page, view) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const by = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) by[v.impact] += v.nodes.length;
  const rules = violations.map((v) => `${v.id}(${v.impact}) x${v.nodes.length}`).join(", ");
  console.log(`axe ${view}: critical ${by.critical}, serious ${by.serious}, moderate ${by.moderate}, minor ${by.minor}${rules ? ` - ${rules}` : ""}`);
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n    ")}`);
  expect.soft(bad, `serious or critical axe violations in ${view}`).toEqual([]);
}

// the page object (explorer-page.mjs) over a page, an embed or an iframe
const cardsShown = (scope) => new Explorer(scope).waitForCards();
const panelHeading = (page) => new Explorer(page).heading;

test.beforeEach(async ({ page }) => {
  // transitions (border colours) would be caught half-way by the contrast rule
  await page.emulateMedia({ reducedMotion: "reduce" });
});

test("axe: the cards view", async ({ page }) => {
  await page.goto("./");
  await cardsShown(page);
  await audit(page, "cards");
});

test("axe: a full card view", async ({ page }) => {
  await page.goto("./?actor=RUS");
  await expect(panelHeading(page)).toHaveText("Russia");
  await expect(page.getByTestId("actor-view").getByTestId("relation").first()).toBeVisible();
  await audit(page, "actor view");
});

test("axe: the pair view (say vs do)", async ({ page }) => {
  await page.goto("./?pair=RUS,IRN");
  await expect(page.getByTestId("direction")).toHaveCount(2);
  await audit(page, "pair view");
});

test("axe: the article reader at a sentence", async ({ page }) => {
  await page.goto("./?actor=RUS");
  await page.getByTestId("actor-view").getByTestId("jump").first().click();
  await expect(page.locator(".ent-sent:focus")).toHaveCount(1);
  await audit(page, "reader");
});

test("axe: filters with an empty result", async ({ page }) => {
  await page.goto("./?q=zzqxnothing");
  await expect(page.getByTestId("empty")).toContainText("No actor matches these filters.");
  await audit(page, "empty result");
});

test("axe: the add-article panel, with an error shown", async ({ page }) => {
  await page.goto("./");
  await page.getByTestId("add-open").click();
  await page.getByTestId("add-submit").click();
  await expect(page.getByTestId("add-errors")).toContainText("empty");
  await audit(page, "add panel");
});

test("axe: the dark theme (cards, full card, pair, reader)", async ({ page }) => {
  test.slow(); // several axe runs over the whole page
  await page.goto("./");
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.getByTestId("app")).toHaveClass(/ent-root--dark/);
  await cardsShown(page);
  await audit(page, "dark cards");
  await page.goto("./?actor=RUS");
  await expect(page.getByTestId("app")).toHaveClass(/ent-root--dark/);
  await expect(panelHeading(page)).toHaveText("Russia");
  await audit(page, "dark actor view");
  await page.goto("./?pair=RUS,IRN");
  await expect(page.getByTestId("direction")).toHaveCount(2);
  await audit(page, "dark pair view");
  await page.goto("./?actor=RUS");
  await page.getByTestId("actor-view").getByTestId("jump").first().click();
  await expect(page.locator(".ent-sent:focus")).toHaveCount(1);
  await audit(page, "dark reader");
  await page.getByTestId("theme").selectOption("auto");
});

test("axe: the system dark scheme with the theme on auto", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await page.goto("./?country=IRN");
  await cardsShown(page);
  await audit(page, "auto dark cards");
});

test("axe: phone width (cards, filters open, a card full screen)", async ({ page }) => {
  test.slow(); // several axe runs over the whole page
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("./");
  await cardsShown(page);
  await audit(page, "phone cards");
  await page.locator(".ent-filters__summary").click();
  await expect(page.getByTestId("filter-country")).toBeVisible();
  await audit(page, "phone filters");
  await page.locator('[data-testid="card"][data-actor="IRN"]').click();
  await expect(panelHeading(page)).toHaveText("Iran");
  await audit(page, "phone actor view");
});

test("axe: the compact embed in its host page", async ({ page }) => {
  test.slow(); // several axe runs over the whole page
  await page.goto(`${site.url}examples/embed.html`);
  await cardsShown(page.locator("#entente-iran"));
  await audit(page, "compact embed");
  await page.locator('#entente-iran [data-testid="card"][data-actor="IRN"]').click();
  await expect(panelHeading(page)).toHaveText("Iran");
  await audit(page, "compact embed, card open");
});

test("axe: the two embeds under the hostile host stylesheet", async ({ page }) => {
  await page.goto(`${site.url}examples/two-embeds.html`);
  await expect(page.getByTestId("card").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Entente explorer" })).toHaveCount(2);
  await cardsShown(page.getByRole("region", { name: "Entente explorer" }).nth(1));
  await audit(page, "two embeds");
});

test("axe: the iframe form, framed and on its own", async ({ page }) => {
  test.slow(); // several axe runs over the whole page
  await page.goto(`${site.url}examples/iframe.html`);
  await cardsShown(page.frameLocator("iframe"));
  await audit(page, "iframe host");
  await page.goto("./?embed=1&country=IRN");
  await cardsShown(page);
  await audit(page, "iframe page");
});

// Colour is never the only carrier of a relation class: tags say the class in words, bar
// legends give its short name and count (the bar itself is an image labelled with them all),
// verbal classes are striped and material ones solid, and in the graph verbal lines are
// dashed and every line is labelled with its classes.
const LABELS = {
  vcoop: ["verbal cooperation", "v.coop"],
  mcoop: ["material cooperation", "m.coop"],
  vconf: ["verbal conflict", "v.confl"],
  mconf: ["material conflict", "m.confl"],
  neutral: ["neutral", "neutral"],
};

test("colour is never the only carrier of a class: words, short names with counts, stripes, dashes", async ({ page }) => {
  await page.goto("./?actor=RUS");
  await expect(page.getByTestId("actor-view").getByTestId("relation").first()).toBeVisible();
  const seen = await page.evaluate(() => {
    const cls = (e) => [...e.classList].find((c) => c.startsWith("ent-quad--"))?.slice(10);
    const tags = [...document.querySelectorAll(".ent-tag.ent-quad")].map((e) => [cls(e), e.textContent.trim()]);
    const bars = [...document.querySelectorAll(".ent-bar")].map((b) => ({
      aria: b.querySelector(".ent-bar__track").getAttribute("aria-label"),
      role: b.querySelector(".ent-bar__track").getAttribute("role"),
      items: [...b.querySelectorAll(".ent-bar__item")].map((i) => [cls(i), i.textContent.trim(), i.title]),
      none: !!b.querySelector(".ent-bar__none"),
    }));
    const swatch = (q) => {
      const s = document.querySelector(`.ent-tag.ent-quad--${q} .ent-swatch, .ent-bar__item.ent-quad--${q} .ent-swatch`);
      return s ? getComputedStyle(s).backgroundImage : null;
    };
    return { tags, bars, swatches: Object.fromEntries(["vcoop", "mcoop", "vconf", "mconf"].map((q) => [q, swatch(q)])) };
  });
  expect(seen.tags.length).toBeGreaterThan(10);
  for (const [q, text] of seen.tags) expect(text, `tag of ${q}`).toBe(LABELS[q][0]);
  expect(seen.bars.length).toBeGreaterThan(4);
  for (const bar of seen.bars) {
    expect(bar.role).toBe("img");
    if (bar.none) continue;
    expect(bar.items.map((i) => i[0])).toEqual(["vcoop", "mcoop", "vconf", "mconf"]);
    for (const [q, text, title] of bar.items) {
      const [label, short] = LABELS[q];
      expect(text).toMatch(new RegExp(`^${short.replace(".", "\\.")} \\d+$`));
      expect(title).toBe(label);
      // the bar's own label gives the same count in words
      expect(bar.aria).toContain(`${label} ${text.split(" ")[1]}`);
    }
  }
  // verbal: stripes; material: solid
  expect(seen.swatches.vcoop).toContain("repeating-linear-gradient");
  expect(seen.swatches.vconf).toContain("repeating-linear-gradient");
  expect(seen.swatches.mcoop).not.toContain("135deg");
  expect(seen.swatches.mconf).not.toContain("135deg");

  await page.goto("./?tab=graph");
  // the explorer may mount after the load event (the wasm starts once compiled): wait for it
  await expect(page.getByTestId("graph-edge").first()).toBeAttached();
  const edges = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="graph-edge"]')].map((g) => ({
      q: [...g.classList].find((c) => c.startsWith("ent-quad--")).slice(10),
      aria: g.getAttribute("aria-label"),
      dash: getComputedStyle(g.querySelector(".ent-graph__line")).strokeDasharray,
    })),
  );
  expect(edges.length).toBeGreaterThan(3);
  for (const e of edges) {
    expect(e.aria).toContain(LABELS[e.q][0]);
    // the legend: dashed lines are verbal (neutral ones too), solid lines material
    if (e.q === "mcoop" || e.q === "mconf") expect(e.dash, `${e.aria}: material is solid`).toBe("none");
    else expect(e.dash, `${e.aria}: not material, dashed`).not.toBe("none");
  }
});
