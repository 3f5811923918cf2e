import { test, expect } from "./fixtures.mjs";
import { readdirSync } from "node:fs";

// The bundled corpus: every seeds/*.txt is built into the page.
const seedCount = readdirSync(new URL("../../seeds/", import.meta.url)).filter((f) => f.endsWith(".txt")).length;

test("the release page shows the bundled articles with no console errors", async ({ page }) => {
  await page.goto("./");
  const articles = page.getByTestId("article");
  await expect(articles).toHaveCount(seedCount);
  await expect(articles.first()).not.toBeEmpty();
});
