// Firefox: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core (no browser
// download), opens the served release build and the single file from disk; both must show
// the actor cards. Screenshots go to test-results/ for a person to look at.
// The single file is also shot with `firefox-esr --headless --screenshot` (the plainest
// check a person can repeat by hand), and the picture checked for the cards (their class
// bars' colours). That command shoots at the load event: the served page loads its wasm
// asynchronously after it, so its picture is often blank (seen), which is why the served
// page is checked through puppeteer, which waits for the cards.
import { test, expect } from "@playwright/test";
import puppeteer from "puppeteer-core";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { readPng, countColour } from "./png.mjs";
import { startServer, EXAMPLE_SITE } from "./servers.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const shots = new URL("../test-results/", import.meta.url).pathname;

async function cardsInFirefox(url, shot) {
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url);
    await page.waitForSelector("[data-testid=card]", { timeout: 20_000 });
    const cards = await page.$$eval("[data-testid=card]", (els) => els.length);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: shots + shot });
    return { cards, errors };
  } finally {
    await browser.close();
  }
}

test.skip(!existsSync(FIREFOX), "firefox-esr is not installed (scripts/setup.sh --for-tests installs it)");

test("Firefox shows the cards of the served page", async ({ baseURL }) => {
  const { cards, errors } = await cardsInFirefox(baseURL, "firefox-served.png");
  expect(cards).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});

test("Firefox shows the cards of the single file opened from disk", async () => {
  const file = new URL("../../dist-single/entente.html", import.meta.url).href;
  const { cards, errors } = await cardsInFirefox(file, "firefox-single-file.png");
  expect(cards).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});

/** `firefox-esr --headless --screenshot` with a fresh profile; returns the PNG's path. */
async function firefoxScreenshot(url, shot) {
  const profile = mkdtempSync(join(tmpdir(), "entente-ff-"));
  mkdirSync(shots, { recursive: true });
  const out = shots + shot;
  rmSync(out, { force: true });
  try {
    await promisify(execFile)(
      FIREFOX,
      ["--headless", "--no-remote", "--profile", profile, "--window-size=1280,900", "--screenshot", out, url],
      { timeout: 90_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

test("firefox-esr --headless --screenshot of the single file shows the cards", async () => {
  test.setTimeout(120_000);
  const file = new URL("../../dist-single/entente.html", import.meta.url).href;
  const img = readPng(await firefoxScreenshot(file, "firefox-cli-single-file.png"));
  expect([img.width, img.height]).toEqual([1280, 900]);
  // the cards' class bars and tags, in the light theme's colours (main.css --ent-coop, --ent-conf);
  // a page that did not start is blank (0 of each)
  expect(countColour(img, [0x2f, 0x7d, 0x4f])).toBeGreaterThan(1000);
  expect(countColour(img, [0xb3, 0x37, 0x2f])).toBeGreaterThan(500);
});

test("Firefox shows both embeds of the two-embeds example, hostile host CSS and all", async () => {
  const site = await startServer({ port: Number(process.env.ENTENTE_E2E_PORT ?? 4173) + 30, maps: EXAMPLE_SITE });
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.setViewport({ width: 1600, height: 1100 });
    await page.goto(`${site.url}examples/two-embeds.html`);
    await page.waitForSelector("#embed-a [data-testid=card]", { timeout: 20_000 });
    await page.waitForSelector("#embed-b [data-testid=card]", { timeout: 20_000 });
    const seen = await page.evaluate(() =>
      ["#embed-a", "#embed-b"].map((id) => {
        const e = document.querySelector(id);
        const card = e.querySelector("[data-testid=card]");
        const chip = card.querySelector("[data-testid=counterpart]");
        return {
          cards: e.querySelectorAll("[data-testid=card]").length,
          title: parseFloat(getComputedStyle(card.querySelector("h3")).fontSize),
          meta: getComputedStyle(card.querySelector("p")).display,
          chip: getComputedStyle(chip).visibility,
        };
      }),
    );
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: shots + "firefox-two-embeds.png" });
    for (const e of seen) {
      expect(e.cards).toBeGreaterThan(3);
      expect(e.title).toBeLessThan(20); // not the host's 40px headings
      expect(e.meta).toBe("block"); // not the host's p { display: none }
      expect(e.chip).toBe("visible"); // not the host's button { visibility: hidden }
    }
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    site.stop();
  }
});
