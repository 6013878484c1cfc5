// Chromium with the built extension, the mock OpenRouter (TLS, as openrouter.ai) and the
// fixture sites, for the benchmark: the few lines of tests/e2e/harness.ts it needs, in JS.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMockServer } from '../../tests/fixtures/mock-server/server.mjs';
import { startSiteServer } from '../../tests/fixtures/site-server.mjs';
import { startBenchServer } from './bench-server.mjs';

export const PUBLIC_HOST = 'photos.iris-cdn.com';
export const BENCH_HOST = 'bench.iris-cdn.com';
export const TEST_KEY = 'sk-or-v1-bench-test-key';
/** Describe image in Chromium's native context menu (see tests/e2e/harness.ts). */
export const MENU_DESCRIBE = ['Up', 'Up', 'Right', 'd'];

/**
 * Starts the servers and a headed Chromium (under Xvfb) with .output/chrome-mv3 loaded.
 * @param {{display?: string, windowSize?: [number, number], deviceScaleFactor?: number}} [options]
 */
export async function launch(options = {}) {
  const [width, height] = options.windowSize ?? [1200, 760];
  const mock = await startMockServer({ tls: true });
  const site = await startSiteServer();
  const bench = await startBenchServer();
  const profile = await mkdtemp(join(tmpdir(), 'iris-bench-'));
  const extension = resolve('.output/chrome-mv3');
  const rules = [
    `MAP openrouter.ai 127.0.0.1:${mock.port}`,
    `MAP ${PUBLIC_HOST} 127.0.0.1:${site.port}`,
    `MAP ${BENCH_HOST} 127.0.0.1:${bench.port}`,
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-sandbox',
      '--window-position=0,0',
      `--window-size=${width},${height}`,
      ...(options.deviceScaleFactor
        ? [`--force-device-scale-factor=${options.deviceScaleFactor}`]
        : []),
    ],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    mock,
    site,
    bench,
    async close() {
      keyboard?.stdin.end();
      keyboard = undefined;
      await context.close();
      await Promise.all([mock.close(), site.close(), bench.close()]);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
/** @typedef {Awaited<ReturnType<typeof launch>>} Bench */

/** Clears Iris's state and sets the API key (as resetExtension in the e2e harness). */
export async function resetExtension(/** @type {Bench} */ b) {
  await b.worker.evaluate(async (key) => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
    await chrome.storage.local.set({ apiKey: key });
  }, TEST_KEY);
  b.mock.reset();
  b.bench.requests.length = 0;
  for (const page of b.context.pages().slice(1)) await page.close();
}

/**
 * The screen point (device px) of an element's centre; scale factor 1, no page zoom.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export async function elementScreenPoint(page, selector) {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  return element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    const left = window.screenX + window.outerWidth - window.innerWidth;
    const top = window.screenY + window.outerHeight - window.innerHeight;
    return {
      x: Math.round(left + rect.x + rect.width / 2),
      y: Math.round(top + rect.y + rect.height / 2),
    };
  });
}

/** One xdotool kept running, reading commands from its stdin (see contextMenuChoose). */
let keyboard;

/**
 * Right-clicks the element with the real mouse and walks the native menu with the keyboard;
 * returns Date.now() taken right before the last key (the one that activates the item). That
 * key goes to an xdotool already running: starting a process for it takes 10–100 ms here, which
 * would count against Iris.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {string[]} keys
 */
export async function contextMenuChoose(page, selector, keys) {
  await page.bringToFront();
  const point = await elementScreenPoint(page, selector);
  execFileSync('xdotool', ['mousemove', String(point.x), String(point.y), 'sleep', '0.1']);
  execFileSync('xdotool', ['click', '3']);
  await page.waitForTimeout(700);
  for (const key of keys.slice(0, -1)) {
    execFileSync('xdotool', ['key', key]);
    await page.waitForTimeout(150);
  }
  keyboard ??= spawn('xdotool', ['-'], { stdio: ['pipe', 'ignore', 'inherit'] });
  keyboard.unref();
  const clickedAt = Date.now();
  keyboard.stdin.write(`key ${keys.at(-1)}\n`);
  return clickedAt;
}

/**
 * The job Iris keeps in storage.session, once `predicate` holds.
 * @param {Bench} b
 * @param {(job: any) => boolean} predicate
 */
export async function waitForJob(b, predicate, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await b.worker.evaluate(
      async () => (await chrome.storage.session.get('currentJob')).currentJob,
    );
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job never matched; last: ${JSON.stringify(last)?.slice(0, 300)}`);
}
