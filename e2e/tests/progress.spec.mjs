// A long pasted article is analysed in slices (src/analysis.rs): the page paints a moving
// progress bar, stays usable, can cancel (nothing added, the text kept), and the saved
// articles of a reader are analysed after the seeds' cards are up.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

const seed = readFileSync(new URL("../../seeds/002_453ac6874c6a2860.txt", import.meta.url), "utf8");
// About 4.5 MB (the limit is 5 MiB): seconds of analysis, so the tests see it under way.
const long = seed.repeat(Math.ceil(4_500_000 / seed.length));

// Records, at every frame the browser paints, the progress line shown (if any).
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__lines = [];
    const tick = () => {
      const el = document.querySelector('[data-testid="analysis-line"]');
      if (el) window.__lines.push(el.textContent);
      window.__watch = requestAnimationFrame(tick);
    };
    tick();
  });
}
const framesSeen = (page) => page.evaluate(() => window.__lines);

/** Opens the add panel and puts `name` and the long `text` in it, not yet added. */
async function paste(ex, name, text) {
  await ex.openAdd();
  await ex.byTestId("add-name").fill(name);
  await ex.setText(text);
}

test("Cancel stops a long paste: nothing added or saved, the text kept", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.waitForCards();
  const articles = await page.getByTestId("article").count();
  await paste(ex, "long paste", long);
  await ex.submit();
  await expect(page.getByTestId("analysis-progress")).toBeVisible();
  await expect(page.getByTestId("add-submit")).toBeDisabled();
  await page.getByTestId("analysis-cancel").click();
  await expect(page.getByTestId("analysis-progress")).toHaveCount(0);
  await expect(page.getByTestId("status-msg")).toHaveText("Cancelled: long paste not added.");
  await expect(page.getByTestId("article")).toHaveCount(articles);
  await expect(page.getByTestId("yours-none")).toBeVisible();
  expect(await page.getByTestId("add-text").inputValue()).toHaveLength(long.length);
  expect(await page.evaluate(() => localStorage.getItem("entente.articles"))).toBeNull();
  await expect(page.getByTestId("add-submit")).toBeEnabled();
});

test("a long paste shows its progress frame by frame, the cards answer meanwhile, and it is added", async ({
  page,
  explorer: ex,
}) => {
  test.setTimeout(180_000);
  await ex.open("./");
  await ex.waitForCards();
  const articles = await page.getByTestId("article").count();
  await paste(ex, "long paste", long);
  await watchFrames(page);
  await ex.submit();
  await expect(page.getByTestId("analysis-progress")).toBeVisible();
  // the browser paints between slices: the bar reaches the screen at several per cents
  await expect
    .poll(async () => new Set(await framesSeen(page)).size, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(3);
  await page.getByTestId("add-close").click();
  // filtering works on the corpus already there
  await ex.filterBy("kind", "person");
  await expect(ex.card("putin")).toBeVisible();
  await expect(ex.card("IRN")).toHaveCount(0);
  await ex.filterBy("kind", "");
  await ex.openAdd();
  await expect(page.getByTestId("status-msg")).toHaveText("Added long paste.", { timeout: 150_000 });
  await expect(page.getByTestId("article")).toHaveCount(articles + 1);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("entente.articles")));
  expect(JSON.stringify(stored)).toContain("long paste");
  // in order, the first before any work was done
  const lines = await framesSeen(page);
  const percents = [...new Set(lines)].map((l) => Number(/(\d+)%$/.exec(l)?.[1]));
  expect(lines[0]).toBe("Analysing “long paste”: reading the layout, 0%");
  expect(percents.length).toBeGreaterThanOrEqual(3);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
});
