// Headless Chromium through playwright-core, launched the same way by every browser test and the
// benchmark, and headless Firefox and Chromium through puppeteer-core (the end-to-end tests' one
// driver for both browsers).
// CHROMIUM and FIREFOX override the browsers (default /usr/bin/chromium and /usr/bin/firefox-esr,
// `scripts/setup.sh --browser`).

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a container and for quiet, comparable runs: no sandbox, GPU, updates or first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Launches Chromium with CHROMIUM_ARGS; `options` go to playwright's `chromium.launch`. Every
 * launch gets a fresh temporary profile. Close it with `browser.close()`.
 */
export async function launchChromium(options = {}) {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, ...options });
}

/**
 * Launches headless Firefox (FIREFOX, default /usr/bin/firefox-esr: `scripts/setup.sh --browser`)
 * through puppeteer-core over WebDriver BiDi, with a fresh temporary profile; `options` go to
 * `puppeteer.launch` (e.g. `extraPrefsFirefox`). Close it with `browser.close()`.
 */
export async function launchFirefox(options = {}) {
  const executablePath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`no Firefox at ${executablePath}: apt-get install -y firefox-esr`);
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ browser: 'firefox', executablePath, headless: true, ...options });
}

/**
 * Launches headless Chromium (CHROMIUM, default /usr/bin/chromium) through puppeteer-core, with
 * CHROMIUM_ARGS and a fresh temporary profile: the end-to-end tests drive both browsers through
 * puppeteer-core (tests/e2e/driver.mjs). `options` go to `puppeteer.launch`.
 */
export async function launchChromiumPuppeteer(options = {}) {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium`);
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ browser: 'chrome', executablePath, headless: true, args: CHROMIUM_ARGS, ...options });
}
