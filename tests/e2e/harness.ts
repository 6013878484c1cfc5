import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { startMockServer } from '../fixtures/mock-server/server.mjs';
import { startSiteServer } from '../fixtures/site-server.mjs';

/** A host name that looks public; Chromium maps it to the fixture site on 127.0.0.1. */
export const PUBLIC_HOST = 'photos.iris-cdn.com';
/** Another public-looking host on the same fixture server (a CDN beside the site). */
export const CDN_HOST = 'static.iris-cdn.com';
export const TEST_KEY = 'sk-or-v1-e2e-test-key';
const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type MockServer = Awaited<ReturnType<typeof startMockServer>>;
export type SiteServer = Awaited<ReturnType<typeof startSiteServer>>;

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  mock: MockServer;
  site: SiteServer;
  /** Console errors and uncaught exceptions of the service worker. */
  workerErrors: string[];
  close(): Promise<void>;
}

/**
 * Starts the mock OpenRouter (HTTPS, as openrouter.ai), the fixture site, and Chromium with
 * the built extension, headed (under Xvfb in CI) so the real context menu can be used.
 * Every host other than the fixtures resolves to nothing: a test cannot reach the internet.
 */
export async function launch(): Promise<Harness> {
  const mock = await startMockServer({ tls: true });
  const site = await startSiteServer();
  const profile = await mkdtemp(join(tmpdir(), 'iris-e2e-'));
  const rules = [
    `MAP openrouter.ai 127.0.0.1:${mock.port}`,
    `MAP ${PUBLIC_HOST} 127.0.0.1:${site.port}`,
    `MAP ${CDN_HOST} 127.0.0.1:${site.port}`,
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
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
      '--window-size=1200,760',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const workerErrors: string[] = [];
  worker.on('console', (message) => {
    if (message.type() === 'error') workerErrors.push(message.text());
  });
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    mock,
    site,
    workerErrors,
    async close() {
      await context.close();
      await Promise.all([mock.close(), site.close()]);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Clears Iris's state between tests and sets (or removes) the API key. */
export async function resetExtension(h: Harness, apiKey: string | null = TEST_KEY): Promise<void> {
  await h.worker.evaluate(async (key) => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
    if (key) await chrome.storage.local.set({ apiKey: key });
    await chrome.action.setBadgeText({ text: '' });
  }, apiKey);
  h.mock.reset();
  for (const page of h.context.pages().slice(1)) await page.close();
}

/** The screen position of an element's centre (inside `frame`, an <iframe> selector, if given). */
async function screenPoint(page: Page, selector: string, frame?: string) {
  const scope = frame ? page.frameLocator(frame) : page;
  const element = scope.locator(selector);
  await element.scrollIntoViewIfNeeded();
  // CSS px become screen px through the zoom level (devicePixelRatio; the screen's own scale is 1).
  const inner = await element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    const zoom = window.devicePixelRatio;
    return { x: (rect.x + rect.width / 2) * zoom, y: (rect.y + rect.height / 2) * zoom };
  });
  const offset = frame
    ? await page.locator(frame).evaluate((node) => {
        const rect = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        const zoom = window.devicePixelRatio;
        return {
          x: (rect.x + node.clientLeft + Number.parseFloat(style.paddingLeft)) * zoom,
          y: (rect.y + node.clientTop + Number.parseFloat(style.paddingTop)) * zoom,
        };
      })
    : { x: 0, y: 0 };
  const origin = await page.evaluate(() => ({
    x: window.screenX + (window.outerWidth - window.innerWidth * window.devicePixelRatio),
    y: window.screenY + (window.outerHeight - window.innerHeight * window.devicePixelRatio),
  }));
  return {
    x: Math.round(origin.x + offset.x + inner.x),
    y: Math.round(origin.y + offset.y + inner.y),
  };
}

/**
 * Right-clicks the element with a real mouse (xdotool, under Xvfb) and picks a context
 * menu item by typing its first letter, as a keyboard user of the native menu would.
 */
export async function contextMenuChoose(
  page: Page,
  selector: string,
  key: string,
  frame?: string,
): Promise<void> {
  await page.bringToFront();
  const point = await screenPoint(page, selector, frame);
  // No --sync: it waits forever when the pointer is already at the target.
  execFileSync('xdotool', [
    'mousemove',
    String(point.x),
    String(point.y),
    'sleep',
    '0.1',
    'click',
    '3',
  ]);
  await page.waitForTimeout(400);
  execFileSync('xdotool', ['key', key]);
}

/** A real left click on the element (pick mode listens to real pointer events). */
export async function realClick(page: Page, selector: string, frame?: string): Promise<void> {
  const point = await screenPoint(page, selector, frame);
  execFileSync('xdotool', [
    'mousemove',
    String(point.x),
    String(point.y),
    'sleep',
    '0.2',
    'click',
    '1',
  ]);
}

/** Presses a key on the real keyboard (xdotool). */
export function realKey(key: string): void {
  execFileSync('xdotool', ['key', key]);
}

export type StoredJob = {
  id: string;
  status: string;
  text: string;
  model: string;
  transport?: string;
  error?: { code: string; message: string; details?: { steps?: string[] } };
  usage?: { cost?: number };
};

/** The job Iris keeps in storage.session, once `predicate` holds (polling). */
export async function waitForJob(
  h: Harness,
  predicate: (job: StoredJob) => boolean,
  timeoutMs = 15_000,
): Promise<StoredJob> {
  const deadline = Date.now() + timeoutMs;
  let last: StoredJob | undefined;
  while (Date.now() < deadline) {
    last = await h.worker.evaluate(
      async () => (await chrome.storage.session.get('currentJob')).currentJob as never,
    );
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job never matched; last: ${JSON.stringify(last)?.slice(0, 400)}`);
}

/** Whether the real toolbar popup is open (Chrome's own view of its contexts). */
export async function popupIsOpen(h: Harness): Promise<boolean> {
  return h.worker.evaluate(
    async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['POPUP' as chrome.runtime.ContextType] }))
        .length > 0,
  );
}

/** Opens the popup's page in a tab, where a test can read and use it like the popup. */
export async function openPopupPage(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
  return page;
}

/** A fixture page, by its public-looking host or on 127.0.0.1. */
export async function openSitePage(
  h: Harness,
  path: string,
  host: 'public' | 'local',
): Promise<Page> {
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  const origin = host === 'public' ? `http://${PUBLIC_HOST}` : h.site.url;
  await page.goto(`${origin}${path}`);
  await page.waitForLoadState('load');
  return page;
}
