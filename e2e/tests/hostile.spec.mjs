// Hostile text in the real page (nothing a reader adds may run as markup): an article pasted through the add-article panel
// with `<script>` and `<img onerror>` in its title and body shows them as text, in the
// reader, the article list, the article filter and the cards' evidence; no element is
// created from it and no script of it runs. (The component test over a hand-made corpus is
// tests/explorer.rs, article_text_is_rendered_as_text_never_html.)
import { test, expect } from "./fixtures.mjs";

test("hostile text: <script> and <img onerror> in a pasted article render as text", async ({ page, explorer: ex }) => {
  await ex.open("./");
  await ex.waitForCards();
  // record every element added to the document from here on
  await page.evaluate(() => {
    window.__added = [];
    new MutationObserver((ms) => {
      for (const m of ms)
        for (const n of m.addedNodes)
          if (n.nodeType === 1)
            for (const e of [n, ...n.querySelectorAll("*")]) window.__added.push(e.tagName.toLowerCase());
    }).observe(document, { childList: true, subtree: true });
  });
  // the first sentence becomes the article's title (shown as the reader's heading, in the
  // article list and in the article filter), the rest is the body
  const script = "<script>window.__pwned = 'script'</script>";
  const img = `<img src=x onerror="window.__pwned='img'">`;
  const text = `${script} Vladimir Putin praised Iran on Monday. Israel struck Iran ${img} on Tuesday.`;
  await ex.paste(`<img src=x onerror="window.__pwned='name'">.txt`, text);
  const mine = page.getByTestId("your-article");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(script);
  const key = await mine.getAttribute("data-key");

  await page.getByTestId("your-read").click();
  await expect(ex.heading).toHaveText(`${script} Vladimir Putin praised Iran on Monday`);
  const reader = page.getByTestId("reader-text");
  await expect(reader).toContainText(script);
  await expect(reader).toContainText(img);
  await page.keyboard.press("Escape");

  // the cards of this article alone: its evidence quotes the text as it is
  await ex.filterBy("article", key);
  await expect(page.getByTestId("filter-article").locator("option:checked")).toContainText(script.slice(0, 20));
  await ex.waitForCards();
  await expect(page.getByTestId("cards")).toContainText(img);

  const added = await page.evaluate(() => window.__added);
  expect(added.length).toBeGreaterThan(0);
  expect(added.filter((t) => ["script", "img", "iframe", "object", "embed"].includes(t))).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll("[data-testid=app] :is(script, img)").length)).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
