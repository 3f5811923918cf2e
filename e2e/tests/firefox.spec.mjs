// Firefox: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core (no browser
// download), opens the served release build and the single file from disk; both must show
// the actor cards. Screenshots go to test-results/ for a person to look at.
import { test, expect } from "@playwright/test";
import puppeteer from "puppeteer-core";
import { existsSync, mkdirSync } from "node:fs";

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
