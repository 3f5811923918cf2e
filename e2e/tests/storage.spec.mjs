// Stored articles in the real page (the reader's articles must never be lost silently): a save the browser refuses (storage full, or
// storage forbidden as in some private modes) says so where the reader looks and leaves what
// was stored as it was; stored data that is corrupt or from another format version is
// reported, kept through reloads and saves, can be downloaded, and goes only when the reader
// discards it. Storage rules S1-S3 are those of src/storage.rs. (Hostile text in a pasted
// article: hostile.spec.mjs.)
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

const KEY = "entente.articles";
const stored = (id, name, text) => JSON.stringify({ version: 1, articles: [{ id, name, text }] });
const EARLIER = stored("user-earlier-txt", "earlier.txt", "Iran thanked Russia on Sunday.");

/** Puts `value` under the articles key once, before the page's first load in this context. */
const seedStorage = (page, value) =>
  page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [KEY, value],
  );

const rawStored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

async function paste(ex, name, text) {
  await ex.ensureAddOpen();
  await ex.fillArticle(name, text);
  await ex.submit();
  // added (and saved, or said not to be) once the status line says so
  await expect(ex.byTestId("status-msg")).toContainText(`Added ${name}`);
}

test("S1: a save refused because storage is full says so and keeps the stored articles", async ({ page, explorer: ex }) => {
  await seedStorage(page, EARLIER);
  // every write to local storage fails as a full store does (a DOMException named QuotaExceededError)
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await ex.open("./");
  await expect(page.getByTestId("article").last()).toContainText("Iran thanked Russia on Sunday");
  await expect(page.getByTestId("notice")).toHaveCount(0);

  await paste(ex, "full.txt", "Vladimir Putin praised Iran in a full store.");
  // added for this visit, with the reason it will not last, in the panel and the status line
  await expect(page.getByTestId("your-article")).toHaveCount(2);
  await expect(page.getByTestId("add-warnings")).toContainText("storage for this page is full, so nothing was saved");
  await expect(page.getByTestId("status-msg")).toContainText("not saved for next time");
  expect(await rawStored(page)).toBe(EARLIER);

  // the next visit finds what was stored before, unchanged
  await page.reload();
  await expect(page.getByTestId("article").last()).toContainText("Iran thanked Russia on Sunday");
  await expect(page.getByTestId("articles")).not.toContainText("in a full store");
  expect(await rawStored(page)).toBe(EARLIER);
});

test("S1: storage forbidden (localStorage throws SecurityError, as in some private modes)", async ({ page, explorer: ex }) => {
  await page.addInitScript(
    ([key, value]) => {
      // what the page could see if the browser allowed it: kept aside for the test to read
      const real = window.localStorage;
      real.setItem(key, value);
      Object.defineProperty(window, "__realStorage", { value: real });
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
    [KEY, EARLIER],
  );
  await ex.open("./");
  await ex.waitForCards();
  await expect(page.getByTestId("notice")).toContainText("does not let the page store data");
  await expect(page.getByTestId("notice")).not.toContainText("could not be read");

  await paste(ex, "private.txt", "Vladimir Putin praised Iran on Monday.");
  await expect(page.getByTestId("your-article")).toHaveCount(1);
  await expect(page.getByTestId("add-warnings")).toContainText("will not be kept after you leave");
  // the theme cannot be kept either, and changing it breaks nothing
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.getByTestId("app")).toHaveClass(/ent-root--dark/);
  expect(await page.evaluate((key) => window.__realStorage.getItem(key), KEY)).toBe(EARLIER);
});

test("S2: corrupt stored data is reported, kept through saves and reloads, downloadable, discarded on request", async ({ page, explorer: ex }) => {
  const junk = '{"version": 1, "articles": [{"id": "user-a", "name": "a.txt", "text": "Iran';
  await seedStorage(page, junk);
  await ex.open("./");
  const problem = page.getByTestId("storage-problem");
  await expect(problem).toContainText("Your saved articles could not be read (not JSON");
  await expect(problem).toContainText("left as they were");
  await expect(page.getByTestId("your-article")).toHaveCount(0);

  // adding works for this visit but does not write over the unreadable value
  await paste(ex, "new.txt", "Vladimir Putin praised Iran on Monday.");
  await expect(page.getByTestId("your-article")).toHaveCount(1);
  await expect(page.getByTestId("add-warnings")).toContainText("nothing will be saved over them until you discard them");
  expect(await rawStored(page)).toBe(junk);
  await page.getByTestId("add-close").click();

  await page.reload();
  await expect(problem).toContainText("could not be read");
  expect(await rawStored(page)).toBe(junk);

  // a copy of exactly what is stored, before discarding it
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("storage-download").click()]);
  expect(download.suggestedFilename()).toBe("entente-saved-articles.txt");
  expect(readFileSync(await download.path(), "utf8")).toBe(junk);

  // discarding asks first; saying no keeps it
  page.once("dialog", (d) => d.dismiss());
  await page.getByTestId("storage-discard").click();
  await expect(problem).toBeVisible();
  expect(await rawStored(page)).toBe(junk);

  page.once("dialog", (d) => {
    expect(d.message()).toContain("cannot be undone");
    d.accept();
  });
  await page.getByTestId("storage-discard").click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId("status-msg")).toContainText("Discarded");
  expect(await rawStored(page)).toBeNull();

  // from now on articles are kept again
  await paste(ex, "kept.txt", "Israel struck Iran on Tuesday.");
  await page.reload();
  await expect(page.getByTestId("article").last()).toContainText("Israel struck Iran on Tuesday");
  await expect(problem).toHaveCount(0);
});

test("S3: stored data of an older format version is reported and kept, not overwritten", async ({ page, explorer: ex }) => {
  const old = JSON.stringify({ version: 0, items: [{ title: "old.txt", body: "Iran thanked Russia." }] });
  await seedStorage(page, old);
  await ex.open("./");
  const problem = page.getByTestId("storage-problem");
  await expect(problem).toContainText("stored by an older version of Entente (format 0; this page reads format 1)");
  await expect(page.getByTestId("storage-discard")).toBeVisible();
  await paste(ex, "new.txt", "Vladimir Putin praised Iran on Monday.");
  await expect(page.getByTestId("add-warnings")).toContainText("nothing will be saved over them");
  expect(await rawStored(page)).toBe(old);
  await page.reload();
  await expect(problem).toContainText("older version");
  expect(await rawStored(page)).toBe(old);
});
