// Shared test fixture: every page fails its test on a console error or warning,
// a page error, or a request that leaves loopback; `explorer` is the page object
// (explorer-page.mjs) over that page.
import { test as base, expect } from "@playwright/test";
import { Explorer } from "./explorer-page.mjs";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:", "file:"].includes(u.protocol))
        problems.push(`network request off loopback: ${r.url()}`);
    });
    await use(page);
    expect(problems, "console errors, warnings or off-loopback requests").toEqual([]);
  },
  explorer: async ({ page }, use) => {
    await use(new Explorer(page));
  },
});
export { expect, Explorer };
