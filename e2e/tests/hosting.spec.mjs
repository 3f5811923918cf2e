// Static anywhere: the release build works from a sub-folder, under a strict CSP, and as
// a single file opened from disk.
import { test, expect, Explorer } from "./fixtures.mjs";
import { startServer, STRICT_CSP } from "./servers.mjs";

async function expectCorpusShown(page) {
  const ex = new Explorer(page);
  await ex.waitForCards();
  expect(await ex.cards.count()).toBeGreaterThan(5);
}

test("served from a deep sub-folder with no rebuild", async ({ page }) => {
  const server = await startServer({ port: 4181, base: "/some/deep/path/" });
  try {
    await page.goto(server.url);
    await expectCorpusShown(page);
  } finally {
    server.stop();
  }
});

test("works under a strict Content-Security-Policy", async ({ page }) => {
  const violations = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  const server = await startServer({ port: 4182, csp: STRICT_CSP });
  try {
    await page.goto(server.url);
    await expectCorpusShown(page);
    expect(violations).toEqual([]);
  } finally {
    server.stop();
  }
});

test("the single-file build opens from file://", async ({ page }) => {
  const file = new URL("../../dist-single/entente.html", import.meta.url);
  await page.goto(file.href);
  await expectCorpusShown(page);
});
