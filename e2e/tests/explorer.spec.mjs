// Whole flows of the explorer over the bundled corpus, in the release build: filter,
// open a card, pivot, compare a pair, permalinks with back/forward, your own articles
// across reloads, export.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

test("filter by Iran, open Putin's card, pivot to Iran", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.waitForCards();
  const before = await ex.cards.count();

  await ex.filterBy("country", "IRN");
  await expect(page).toHaveURL(/[?&]country=IRN/);
  await expect(ex.card("IRN")).toBeVisible();
  const after = await ex.cards.count();
  expect(after).toBeLessThan(before);
  await expect(page.getByTestId("counts")).toContainText("of");

  await ex.card("putin").click();
  await expect(page).toHaveURL(/[?&]actor=putin/);
  await expect(ex.heading).toHaveText("Vladimir Putin");
  await expect(page.getByTestId("actor-view")).toContainText("President of Russia");

  // Putin's relations with Iran are grouped under Iran: pivot there
  await page.locator('[data-testid="group"][data-actor="IRN"] [data-testid="pivot"]').click();
  await expect(page).toHaveURL(/[?&]actor=IRN/);
  await expect(ex.heading).toHaveText("Iran");
  await expect(page.getByTestId("relation").first()).toBeVisible();
});

test("open the Russia-Iran pair: say versus do in both directions", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await page.getByTestId("pair-a").selectOption("RUS");
  await page.getByTestId("pair-b").selectOption("IRN");
  await page.getByTestId("pair-open").click();
  await expect(page).toHaveURL(/[?&]pair=RUS,IRN/);
  const dirs = page.getByTestId("direction");
  await expect(dirs).toHaveCount(2);
  await expect(dirs.nth(0)).toContainText("Russia → Iran");
  await expect(dirs.nth(1)).toContainText("Iran → Russia");
  for (const id of ["say", "do", "gap"]) await expect(dirs.nth(0).getByTestId(id)).not.toBeEmpty();
  // Moscow's words to Tehran are there to read
  await expect(dirs.nth(0).getByTestId("relation").first()).toBeVisible();
});

test("a permalink restores the view, back and forward walk it", async ({ page, explorer: ex }) => {
  await ex.open("./?country=IRN&actor=putin&junk=1");
  await expect(ex.heading).toHaveText("Vladimir Putin");
  await expect(page.getByTestId("filter-country")).toHaveValue("IRN");
  await expect(page.getByTestId("notice")).toContainText("junk");
  // the unknown parameter is dropped from the address bar
  await expect(page).not.toHaveURL(/junk/);

  await page.getByTestId("tab-graph").click();
  await expect(page).toHaveURL(/tab=graph/);
  await page.getByTestId("panel-close").click();
  await expect(page).not.toHaveURL(/actor=/);

  await page.goBack();
  await expect(ex.heading).toHaveText("Vladimir Putin");
  await page.goBack();
  await expect(page.getByTestId("tab-cards")).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await expect(page.getByTestId("tab-graph")).toHaveAttribute("aria-pressed", "true");

  // the same URL in a fresh page gives the same view
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId("tab-graph")).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("filter-country")).toHaveValue("IRN");
  await other.close();
});

test("keyboard alone: open a card with Enter, close with Escape", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.card("RUS").focus();
  await page.keyboard.press("Enter");
  await expect(ex.heading).toHaveText("Russia");
  await expect(ex.heading).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("actor-view")).toHaveCount(0);
  await expect(ex.card("RUS")).toBeFocused();
});

test("jump from evidence to its sentence in the article", async ({ page, explorer: ex }) => {
  await ex.open("./?actor=RUS");
  const jump = page.getByTestId("actor-view").getByTestId("jump").first();
  await jump.click();
  await expect(page.getByTestId("reader")).toBeVisible();
  await expect(page).toHaveURL(/[?&]read=.*&s=\d+/);
  const focused = page.locator(".ent-sent:focus");
  await expect(focused).toHaveCount(1);
  await expect(focused).toBeInViewport();
});

test("add your own article, keep it across a reload, remove it", async ({ page, explorer: ex }) => {
  await ex.open("./");
  const articles = page.getByTestId("article");
  const n = await articles.count();
  await ex.openAdd();
  await ex.submit();
  await expect(page.getByTestId("add-errors")).toContainText("empty");

  await page.getByTestId("add-name").fill("my note");
  await page
    .getByTestId("add-text")
    .fill("Vladimir Putin praised Iran on Monday. Israel struck Iran on Tuesday.");
  await ex.submit();
  await expect(articles).toHaveCount(n + 1);
  await expect(page.getByTestId("your-article")).toHaveCount(1);
  // saved once the status line says it was added (the save follows the new cards' paint)
  await expect(page.getByTestId("status-msg")).toContainText("Added my note");

  await page.reload();
  await expect(page.getByTestId("article")).toHaveCount(n + 1);
  await expect(page.getByTestId("article").last()).toContainText("yours");

  await ex.openAdd();
  await page.getByTestId("your-remove").click();
  await expect(page.getByTestId("article")).toHaveCount(n);
  await page.reload();
  await expect(page.getByTestId("article")).toHaveCount(n);
});

test("a dropped binary file is refused with a clear message", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.openAdd();
  await page.getByTestId("add-file").setInputFiles({
    name: "scan.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2, 3]),
  });
  await expect(page.getByTestId("add-errors")).toContainText("does not look like plain text");
  await page.getByTestId("add-file").setInputFiles({
    name: "latin1.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Putin met Erdo\xf0an in Ankara.", "latin1"),
  });
  await expect(page.getByTestId("your-article")).toHaveCount(1);
  await expect(page.getByTestId("add-warnings")).toContainText("not valid UTF-8");
  await page.getByTestId("your-read").click();
  await expect(page.getByTestId("reader")).toContainText("UTF-8");
  // leave the browser's storage clean for the next test
  await ex.openAdd();
  await page.getByTestId("your-remove").click();
});

test("export what is in view as CSV and JSON", async ({ page, explorer: ex }) => {
  await ex.open("./?country=IRN");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(csv.suggestedFilename()).toBe("entente-relations.csv");
  const csvText = readFileSync(await csv.path(), "utf8");
  expect(csvText.split("\n")[0]).toContain("source");

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
  expect(json.suggestedFilename()).toBe("entente-analysis.json");
  const data = JSON.parse(readFileSync(await json.path(), "utf8"));
  expect(Array.isArray(data.documents)).toBe(true);
  // only relations that involve Iran (or an Iranian actor) are exported
  for (const d of data.documents)
    for (const r of d.relations) {
      const ids = new Set(d.actors.filter((a) => a.id === "IRN" || a.country === "IRN").map((a) => a.id));
      expect(ids.has(r.source) || ids.has(r.target)).toBe(true);
    }
  await expect(page.getByTestId("status-msg")).toContainText("Exported");
});

test("phone width: filters fold away, a card opens full screen", async ({ page, explorer: ex }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ex.open("./");
  await expect(page.locator(".ent-filters__box")).not.toHaveAttribute("open", "");
  await ex.card("IRN").click();
  const box = await page.getByTestId("actor-view").boundingBox();
  expect(box.width).toBeGreaterThan(380);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
