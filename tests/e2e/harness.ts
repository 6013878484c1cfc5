import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { Job } from '../../utils/jobs/types';
import { type AuditHit, startAuditServer } from '../fixtures/audit-server.mjs';
import { startMockServer } from '../fixtures/mock-server/server.mjs';
import { startSiteServer } from '../fixtures/site-server.mjs';

/** A host name that looks public; Chromium maps it to the fixture site on 127.0.0.1. */
export const PUBLIC_HOST = 'photos.iris-cdn.com';
/** A second public-looking host: a CDN on another origin than the page. */
export const CDN_HOST = 'static.iris-cdn.com';
export const TEST_KEY = 'sk-or-v1-e2e-test-key';
const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type MockServer = Awaited<ReturnType<typeof startMockServer>>;
export type SiteServer = Awaited<ReturnType<typeof startSiteServer>>;

export interface Harness {
  context: BrowserContext;
  /** The extension's service worker; replace it after the test restarts the worker. */
  worker: Worker;
  extensionId: string;
  mock: MockServer;
  site: SiteServer;
  /** Console errors and uncaught exceptions of the service worker. */
  workerErrors: string[];
  /**
   * Connections to any host other than the fixtures (openrouter.ai, the site's names,
   * 127.0.0.1): each would have left the machine. A network audit asserts it stays empty.
   */
  auditHits: AuditHit[];
  close(): Promise<void>;
}

/**
 * Starts the mock OpenRouter (HTTPS, as openrouter.ai), the fixture site, and Chromium with
 * the built extension, headed (under Xvfb in CI) so the real context menu can be used.
 * Every host other than the fixtures goes to the audit server, which records the connection
 * and closes it: a test cannot reach the internet, and an audit can see what tried to.
 */
export interface LaunchOptions {
  /** --force-device-scale-factor (a HiDPI screen). */
  deviceScaleFactor?: number;
  /** Window size in DIPs; it must fit the virtual screen at the scale factor. */
  windowSize?: [number, number];
  /** More Chromium switches, e.g. --lang=de for the German UI. */
  extraArgs?: string[];
}

/** The --force-device-scale-factor of each browser, to tell it apart from page zoom. */
const deviceScale = new WeakMap<BrowserContext, number>();

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const mock = await startMockServer({ tls: true });
  const site = await startSiteServer();
  const audit = await startAuditServer();
  const profile = await mkdtemp(join(tmpdir(), 'iris-e2e-'));
  const rules = [
    `MAP openrouter.ai 127.0.0.1:${mock.port}`,
    `MAP ${PUBLIC_HOST} 127.0.0.1:${site.port}`,
    `MAP ${CDN_HOST} 127.0.0.1:${site.port}`,
    `MAP * 127.0.0.1:${audit.port}`,
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
      `--window-size=${(options.windowSize ?? [1200, 760]).join(',')}`,
      ...(options.deviceScaleFactor
        ? [`--force-device-scale-factor=${options.deviceScaleFactor}`]
        : []),
      ...(options.extraArgs ?? []),
    ],
  });
  deviceScale.set(context, options.deviceScaleFactor ?? 1);
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
    auditHits: audit.hits,
    async close() {
      await context.close();
      await Promise.all([mock.close(), site.close(), audit.close()]);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Clears Iris's state between tests and sets (or removes) the API key. */
export async function resetExtension(h: Harness, apiKey: string | null = TEST_KEY): Promise<void> {
  // A job the previous test left running would write into this test (and its requests
  // would reach the mock after the reset): let it end first.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const status = await h.worker.evaluate(
      async () =>
        (
          (await chrome.storage.session.get('currentJob')).currentJob as
            | { status?: string }
            | undefined
        )?.status,
    );
    if (!status || !['acquiring', 'requesting', 'streaming'].includes(status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await h.worker.evaluate(async (key) => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
    if (key) await chrome.storage.local.set({ apiKey: key });
    await chrome.action.setBadgeText({ text: '' });
  }, apiKey);
  h.mock.reset();
  for (const page of h.context.pages().slice(1)) await page.close();
}

/**
 * Keys that open Iris's submenu in Chromium's context menu. With several items in one
 * context, Chrome groups them under "Iris", just above "Inspect" at the bottom: Up selects
 * Inspect, Up again Iris, Right opens it. (Letters are not safe at the top level: built-in
 * items have mnemonics — "i" opens Inspect.) Inside, a letter selects the next item starting
 * with it and activates it when it is the only one.
 */
export const IRIS_SUBMENU = ['Up', 'Up', 'Right'];
/** Describe image, from the image context menu. */
export const MENU_DESCRIBE = [...IRIS_SUBMENU, 'd'];
/** Ask about this image… ("Ask" comes before "Add"). */
export const MENU_ASK = [...IRIS_SUBMENU, 'a', 'Return'];
/** Generate alt text ('g' is the only item of the submenu starting with g). */
export const MENU_ALT_TEXT = [...IRIS_SUBMENU, 'g'];
/** Add to question. */
export const MENU_ADD = [...IRIS_SUBMENU, 'a', 'a', 'Return'];
/** On a page (or a CSS background), Iris's submenu sits above View page source and Inspect. */
export const IRIS_SUBMENU_ON_PAGE = ['Up', 'Up', 'Up', 'Right'];
/** Describe image on a page element that is not an image (then the pick starts). */
export const MENU_DESCRIBE_ON_PAGE = [...IRIS_SUBMENU_ON_PAGE, 'd'];
/** Capture a region and ask…, from the page's menu. */
export const MENU_CAPTURE_ON_PAGE = [...IRIS_SUBMENU_ON_PAGE, 'c'];

/**
 * Right-clicks the element with a real mouse (xdotool, under Xvfb) and walks Chromium's
 * native context menu with the keyboard, as a keyboard user would: a letter selects the
 * item starting with it (and activates it when it is the only one). With several Iris
 * items, Chrome groups them under "Iris": pass e.g. ['i', 'Right', 'a'].
 */
export async function contextMenuChoose(
  page: Page,
  selector: string,
  keys: string | string[],
  frame?: string,
): Promise<void> {
  await page.bringToFront();
  await closeToolbarPopup(page.context());
  const point = await elementScreenPoint(page, selector, frame);
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
  // The native menu takes a moment to appear (longer in a fresh browser); keys typed
  // before it is up go to the page instead.
  await page.waitForTimeout(700);
  for (const key of Array.isArray(keys) ? keys : [keys]) {
    execFileSync('xdotool', ['key', key]);
    await page.waitForTimeout(150);
  }
}

/**
 * Closes Iris's real toolbar popup if an earlier step left it open: it hangs over the top
 * right of the page, and a right-click meant for a picture there would land in it (the menu
 * then speaks of the popup: no image, tab id -1). A popup page a test opened as a tab stays.
 */
async function closeToolbarPopup(context: BrowserContext): Promise<void> {
  const browser = context.browser();
  if (!browser) return;
  const tabs = new Set<string>();
  for (const open of context.pages()) {
    const session = await context.newCDPSession(open);
    tabs.add(
      ((await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } })
        .targetInfo.targetId,
    );
    await session.detach();
  }
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const target of targetInfos)
      if (target.url.endsWith('/popup.html') && !tabs.has(target.targetId))
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * Where a point of the page's viewport (CSS px, or of an <iframe> in it) is on the X screen
 * (device px). Window geometry is in DIPs; CSS px scale by the page zoom, and both by the
 * device scale factor (devicePixelRatio = zoom × device scale).
 */
export async function screenPoint(
  page: Page,
  cssX: number,
  cssY: number,
  frame?: string,
): Promise<{ x: number; y: number }> {
  const scale = deviceScale.get(page.context()) ?? 1;
  const offset = frame
    ? await page.locator(frame).evaluate((node) => {
        const rect = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        return {
          x: rect.x + node.clientLeft + Number.parseFloat(style.paddingLeft),
          y: rect.y + node.clientTop + Number.parseFloat(style.paddingTop),
        };
      })
    : { x: 0, y: 0 };
  const g = await page.evaluate(() => ({
    screenX: window.screenX,
    screenY: window.screenY,
    outerWidth: window.outerWidth,
    outerHeight: window.outerHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    dpr: window.devicePixelRatio,
  }));
  const zoom = g.dpr / scale;
  const left = g.screenX + g.outerWidth - g.innerWidth * zoom;
  const top = g.screenY + g.outerHeight - g.innerHeight * zoom;
  return {
    x: Math.round((left + (offset.x + cssX) * zoom) * scale),
    y: Math.round((top + (offset.y + cssY) * zoom) * scale),
  };
}

/** The screen position of an element's centre (inside `frame`, an <iframe> selector, if given). */
export async function elementScreenPoint(page: Page, selector: string, frame?: string) {
  const scope = frame ? page.frameLocator(frame) : page;
  const element = scope.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const centre = await element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  return screenPoint(page, centre.x, centre.y, frame);
}

/** A real left click on the element (pick mode listens to real pointer events). */
export async function realClick(page: Page, selector: string, frame?: string): Promise<void> {
  const point = await elementScreenPoint(page, selector, frame);
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

/**
 * Brings `page` to the front and waits until it has the keyboard: under Xvfb no window
 * manager hands out focus, and a browser that has just started may not have it yet.
 */
export async function focusPage(page: Page): Promise<void> {
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus()), { timeout: 5_000 }).toBe(true);
}

/** Presses keys on the focused window, as a person would (shortcuts, overlay keys). */
export function pressKeys(...keys: string[]): void {
  for (const key of keys) execFileSync('xdotool', ['key', key]);
}

/** A real mouse drag between two viewport points (CSS px). */
export async function drag(
  page: Page,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  const a = await screenPoint(page, ...from);
  const b = await screenPoint(page, ...to);
  execFileSync('xdotool', [
    'mousemove',
    String(a.x),
    String(a.y),
    'sleep',
    '0.1',
    'mousedown',
    '1',
    'sleep',
    '0.1',
  ]);
  for (let step = 1; step <= 5; step++) {
    const x = Math.round(a.x + ((b.x - a.x) * step) / 5);
    const y = Math.round(a.y + ((b.y - a.y) * step) / 5);
    execFileSync('xdotool', ['mousemove', String(x), String(y), 'sleep', '0.05']);
  }
  execFileSync('xdotool', ['mouseup', '1']);
}

/** What the background keeps in storage.session as `currentJob`. */
export type StoredJob = Job;

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

/**
 * Evaluates `expression` in the real toolbar popup (Playwright does not list it as a page):
 * through the browser's DevTools session, attached to the popup's target. For looking at it
 * and moving focus; tests then act with real keys (`pressKeys`).
 */
export async function evaluateInToolbarPopup(h: Harness, expression: string): Promise<unknown> {
  const browser = h.context.browser();
  if (!browser) throw new Error('no browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const deadline = Date.now() + 10_000;
    let target: { targetId: string } | undefined;
    while (!target && Date.now() < deadline) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      target = targetInfos.find((t) => t.url === `chrome-extension://${h.extensionId}/popup.html`);
      if (!target) await new Promise((r) => setTimeout(r, 100));
    }
    if (!target) throw new Error('the toolbar popup is not open');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const answer = new Promise<unknown>((resolve, reject) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message);
        if (message.id !== 1) return;
        if (message.error || message.result.exceptionDetails)
          reject(new Error(JSON.stringify(message.error ?? message.result.exceptionDetails)));
        else resolve(message.result.result.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      }),
    });
    return await answer;
  } finally {
    await cdp.detach();
  }
}

/**
 * Gives the keyboard focus to the real toolbar popup's button named `name` (among those
 * `selector` finds, once it appears) so a test can press it with a real key. Answers the
 * focused element's text, or what the popup shows when there is no such button in 5 s.
 */
export async function focusToolbarPopupButton(
  h: Harness,
  name: string,
  selector = 'button',
): Promise<unknown> {
  return evaluateInToolbarPopup(
    h,
    `new Promise((resolve) => {
      const find = () => [...document.querySelectorAll(${JSON.stringify(selector)})].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
      const wait = () => { const b = find(); if (b) { b.focus(); resolve(document.activeElement.textContent); } else setTimeout(wait, 50); };
      setTimeout(() => resolve('no such button: ' + document.body.innerText), 5000);
      wait();
    })`,
  );
}
