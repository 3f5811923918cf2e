// Keyboard only (everything a mouse does must be reachable without one): from page load, with nothing but Tab, Shift+Tab, Enter, arrows and
// Escape, reach a filter and change it, reach a card and open it, pivot to a counterpart,
// go down to an evidence sentence in the reader, and come back; at phone width an open panel
// covers the page, so focus stays inside it until it is closed.
import { test, expect } from "./fixtures.mjs";

/** What has focus: enough to tell the stops of a walk apart. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { tag: "body" };
    return {
      tag: e.tagName.toLowerCase(),
      testid: e.getAttribute("data-testid"),
      actor: e.getAttribute("data-actor"),
      ref: e.getAttribute("data-ref"),
      cls: typeof e.className === "string" ? e.className : "",
      name: (e.getAttribute("aria-label") ?? e.textContent ?? "").trim().replace(/\s+/g, " "),
      inPanel: !!e.closest(".ent-panel"),
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; returns the stops. */
async function tabTo(page, selector, { max = 200, back = false } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    stops.push(await focused(page));
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops;
  }
  throw new Error(`focus did not reach ${selector} in ${max} presses; last stops: ${JSON.stringify(stops.slice(-4))}`);
}

test("keyboard walk: filter, card, pivot, evidence sentence, and back", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.waitForCards();
  const before = await ex.cards.count();

  // 1. from load, Tab walks the header tools, then the filters, in reading order
  const toCountry = await tabTo(page, '[data-testid="filter-country"]', { max: 12 });
  expect(toCountry.map((s) => s.testid ?? s.cls)).toEqual([
    "skip-to-cards",
    "add-open",
    "export-csv",
    "export-json",
    "theme",
    "ent-filters__summary",
    "filter-q",
    "filter-country",
  ]);

  // 2. arrows change the select (each step is a change); walk down to Iran
  for (let i = 0; i < 60 && (await page.getByTestId("filter-country").inputValue()) !== "IRN"; i++)
    await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("filter-country")).toHaveValue("IRN");
  await expect(page.getByTestId("filter-country")).toBeFocused();
  await expect(page).toHaveURL(/[?&]country=IRN/);
  await expect(page.getByTestId("counts")).toContainText(" of ");
  expect(await ex.cards.count()).toBeLessThan(before);

  // 3. on to Iran's card (past the other filters, the article list and the view tabs)
  const toCard = await tabTo(page, '[data-testid="card"][data-actor="IRN"]');
  expect(toCard.some((s) => s.testid === "tab-cards")).toBe(true);
  await expect(ex.card("IRN")).toBeFocused();
  await expect(ex.card("IRN")).toHaveAttribute("aria-label", "Iran: open full view");

  // 4. Enter opens the full view; its heading takes focus
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]actor=IRN/);
  await expect(ex.heading).toHaveText("Iran");
  await expect(ex.heading).toBeFocused();

  // 5. pivot: Iran's relations with Russia are grouped under Russia
  await tabTo(page, '[data-testid="group"][data-actor="RUS"] [data-testid="pivot"]');
  expect((await focused(page)).name).toBe("Russia");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]actor=RUS/);
  await expect(ex.heading).toHaveText("Russia");
  await expect(ex.heading).toBeFocused();

  // 6. down to the first evidence sentence of Russia's view, in its article
  await tabTo(page, '[data-testid="actor-view"] [data-testid="jump"]');
  const jump = await focused(page);
  const quote = await page.evaluate(() =>
    document.activeElement.closest('[data-testid="relation"]').querySelector("blockquote").textContent.replace(/\s+/g, " ").trim(),
  );
  expect(quote.length).toBeGreaterThan(10);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reader")).toBeVisible();
  await expect(page).toHaveURL(/[?&]read=[^&]+&s=\d+/);
  await expect(ex.heading).toHaveText(jump.name.replace(/ \(yours\)$/, ""));
  const sentence = page.locator('[data-testid="reader-text"] .ent-sent:focus');
  await expect(sentence).toHaveCount(1);
  await expect(sentence).toBeInViewport();
  expect((await sentence.textContent()).replace(/\s+/g, " ")).toContain(quote);

  // 7. Escape closes the reader: back in Russia's view, on the link that opened it
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("reader")).toHaveCount(0);
  await expect(ex.heading).toHaveText("Russia");
  await expect.poll(() => focused(page)).toMatchObject({ testid: "jump", ref: jump.ref, inPanel: true });

  // 8. Escape again closes the full view: back on Russia's card; Shift+Tab goes back from it
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("actor-view")).toHaveCount(0);
  await expect(page).not.toHaveURL(/actor=/);
  await expect(ex.card("RUS")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  const prev = await focused(page);
  expect(prev.tag).not.toBe("body");
  expect(prev.actor === "RUS" && prev.testid === "card").toBe(false);
  // and the filter set at the start is still on
  await expect(page.getByTestId("filter-country")).toHaveValue("IRN");
});

test("keyboard: the skip link jumps past the header and filters to the main view", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.waitForCards();
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-to-cards");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveText("Skip to the main view");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  // the first stop after the skip target is the first card, or the view tabs before it
  const first = await focused(page);
  expect(first.testid).toBe("tab-cards");
});

test("phone width: focus stays inside a full-screen panel until it is closed", async ({ page, explorer: ex }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ex.open("./");
  await expect(ex.card("IRN")).toBeVisible();
  await tabTo(page, '[data-testid="card"][data-actor="IRN"]');
  await page.keyboard.press("Enter");
  await expect(ex.heading).toHaveText("Iran");
  await expect(ex.heading).toBeFocused();
  const panelCount = await page.evaluate(
    () => document.querySelectorAll('[data-testid="actor-view"] :is(button, a[href], input, select, textarea, summary)').length,
  );
  expect(panelCount).toBeGreaterThan(2);
  // forward past the end: every stop is inside the panel, and the walk comes round to its Close button
  const forward = [];
  for (let i = 0; i < panelCount + 3; i++) {
    await page.keyboard.press("Tab");
    forward.push(await focused(page));
  }
  expect(forward.filter((s) => !s.inPanel)).toEqual([]);
  expect(forward.filter((s) => s.testid === "panel-close").length).toBeGreaterThanOrEqual(2);
  // backward from the heading: into the panel's last control, not the page behind
  await ex.heading.focus();
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).inPanel).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("actor-view")).toHaveCount(0);
  await expect(ex.card("IRN")).toBeFocused();
  // closed: Tab leaves the card again
  await page.keyboard.press("Tab");
  expect((await focused(page)).inPanel).toBe(false);
});

test("wide screen: the side panel does not trap focus", async ({ page, explorer: ex }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await ex.open("./?actor=IRN");
  await expect(ex.heading).toHaveText("Iran");
  await page.getByTestId("panel-close").focus();
  await page.keyboard.press("Shift+Tab");
  // the panel sits beside the cards: Shift+Tab from its first control leaves it
  expect((await focused(page)).inPanel).toBe(false);
});
