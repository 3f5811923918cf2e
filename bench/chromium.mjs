// Debian's Chromium for the benchmarks, launched the same way by each of them (the flags
// that work as root on these machines; never a downloaded browser).
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium at `executablePath` with the shared flags plus `extra`. */
export function launchChromium(executablePath, extra = []) {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extra] });
}
