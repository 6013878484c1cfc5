import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contextMenuChoose,
  focusToolbarPopupButton,
  type Harness,
  launch,
  MENU_ALT_TEXT,
  MENU_DESCRIBE,
  MENU_DESCRIBE_ON_PAGE,
  openSitePage,
  PUBLIC_HOST,
  popupIsOpen,
  realClick,
  realKey,
  resetExtension,
  waitForJob,
} from './harness';
import { decodeSent, expectFit, nextSentImage } from './sent-image';

// On a canvas, Describe image is Iris's only item, so it stands alone in the menu; on an
// image, a video or a page, Chrome groups Iris's items under "Iris".
const DESCRIBE_CANVAS = 'd';
let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await resetExtension(h);
});

/** The pick banner is in a closed shadow root: its host element is what the page can see. */
const pickIsShown = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('iris-pick') !== null);

async function pick(
  page: import('playwright-core').Page,
  selector: string,
  keys: string | string[] = DESCRIBE_CANVAS,
  frame?: string,
) {
  await contextMenuChoose(page, selector, keys, frame);
  const scope = frame ? page.frames().find((f) => f.url().includes('frame-inner')) : page;
  await expect
    .poll(() => scope?.evaluate(() => document.querySelector('iris-pick') !== null))
    .toBe(true);
  await realClick(page, selector, frame);
}

describe('Pictures that are not <img>: Describe image on the page, then pick (Chrome)', () => {
  it('a canvas chart: its pixels are read in the page', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    await pick(page, '#canvas');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect([sent.width, sent.height]).toEqual([400, 300]);
    expect(await pickIsShown(page)).toBe(false);
    await waitForJob(h, (j) => j.status === 'done');
    expect(await popupIsOpen(h)).toBe(true);
  });

  it('a canvas tainted by another site: cropped from a screenshot', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    await page.waitForFunction(
      () => (document.getElementById('tainted') as HTMLElement).dataset.ready,
    );
    await pick(page, '#tainted');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    // 200 × 150 CSS px (+ border) at the device pixel ratio.
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    expect(Math.abs(sent.width - 202 * ratio)).toBeLessThanOrEqual(2);
  });

  it('a zoomed page is cropped at the zoomed pixel size', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    await page.waitForFunction(
      () => (document.getElementById('tainted') as HTMLElement).dataset.ready,
    );
    await h.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.setZoom(tab?.id as number, 1.5);
    });
    try {
      await expect.poll(() => page.evaluate(() => window.devicePixelRatio)).toBeCloseTo(1.5);
      await pick(page, '#tainted');
      const sent = await decodeSent(page, await nextSentImage(h.mock));
      expect(expectFit(sent)).toEqual([]);
      expect(Math.abs(sent.width - 202 * 1.5)).toBeLessThanOrEqual(3);
    } finally {
      await h.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.setZoom(tab?.id as number, 0);
      });
    }
  });

  it('a CSS background image on a public host: sent by its URL', async () => {
    const page = await openSitePage(h, '/elements.html', 'public');
    await pick(page, '#bg', MENU_DESCRIBE_ON_PAGE);
    expect(await nextSentImage(h.mock)).toBe(`http://${PUBLIC_HOST}/img/quadrants.png`);
  });

  it('an image under a transparent overlay: the menu itself looks through it, no pick', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    await contextMenuChoose(page, '#overlay', MENU_DESCRIBE);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect([sent.mime, sent.width, sent.height]).toEqual(['image/png', 400, 300]);
    expect(await pickIsShown(page)).toBe(false);
  });

  it('a video: Describe image on the video itself sends the current frame, no pick', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    await page.waitForFunction(
      () => (document.getElementById('video') as HTMLElement).dataset.ready,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await contextMenuChoose(page, '#video', MENU_DESCRIBE);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect(await pickIsShown(page)).toBe(false);
  });

  it('Esc cancels the pick: nothing is sent, no job starts', async () => {
    const page = await openSitePage(h, '/elements.html', 'local');
    const started = Date.now();
    await contextMenuChoose(page, '#canvas', DESCRIBE_CANVAS);
    await expect.poll(() => pickIsShown(page)).toBe(true);
    realKey('Escape');
    await expect.poll(() => pickIsShown(page)).toBe(false);
    await page.waitForTimeout(300);
    const job = await h.worker.evaluate(
      async () =>
        (await chrome.storage.session.get('currentJob')).currentJob as { createdAt: number },
    );
    expect(job === undefined || job.createdAt < started).toBe(true);
    expect(h.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  });
});

describe('Pictures inside a frame', () => {
  it('an image in an iframe is read inside that frame', async () => {
    const page = await openSitePage(h, '/frames.html', 'local');
    const frame = page.frameLocator('#frame');
    await expect
      .poll(() => frame.locator('#framed').evaluate((img: HTMLImageElement) => img.complete))
      .toBe(true);
    await contextMenuChoose(page, '#framed', MENU_DESCRIBE, '#frame');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect([sent.width, sent.height]).toEqual([400, 300]);
  });

  /** The page with a photo inlined as a data: URL too long for Chrome's menu (it gives none). */
  async function openLargeDataUrl() {
    const page = await openSitePage(h, '/large-data-url.html', 'local');
    await page.waitForFunction(() => Number(document.body.dataset.urlLength) > 2 * 1024 * 1024);
    return page;
  }

  it('an image whose data: URL is too long for the menu: described without a pick', async () => {
    const page = await openLargeDataUrl();
    await contextMenuChoose(page, '#inlined', MENU_DESCRIBE);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect([sent.width, sent.height]).toEqual([1400, 1050]);
    expect(await pickIsShown(page)).toBe(false);
  });

  it('the same image: Generate alt text writes on it', async () => {
    const page = await openLargeDataUrl();
    h.mock.setDefault({ type: 'stream', text: 'Four coloured squares.' });
    await contextMenuChoose(page, '#inlined', MENU_ALT_TEXT);
    const job = await waitForJob(h, (j) => j.status === 'done' && !!j.altText);
    expect(job.altText).toEqual({ text: 'Four coloured squares.', written: true });
    expect(await page.locator('#inlined').getAttribute('alt')).toBe('Four coloured squares.');
  });

  /** A page on the public host embedding a gallery from 127.0.0.1: a frame of another site. */
  async function openCrossSiteFrame() {
    const page = await openSitePage(
      h,
      `/cross-site-frame.html?frame=${encodeURIComponent(`${h.site.url}/frame-other-site.html`)}`,
      'public',
    );
    const frame = page.frameLocator('#frame');
    for (const id of ['#with-cors', '#without-cors'])
      await expect
        .poll(() => frame.locator(id).evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(400);
    return page;
  }

  it('an image in a frame of another site (closed to Iris) comes by Iris’s own download', async () => {
    const page = await openCrossSiteFrame();
    await contextMenuChoose(page, '#with-cors', MENU_DESCRIBE, '#frame');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect([sent.width, sent.height]).toEqual([400, 300]);
  });

  it('closed frame, server without CORS: the popup says so, and its Capture a region takes it', async () => {
    const page = await openCrossSiteFrame();
    await contextMenuChoose(page, '#without-cors', MENU_DESCRIBE, '#frame');
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.message).toMatch(
      /^The browser keeps this picture closed to Iris \(it sits in a frame from another site/,
    );
    expect(job.error?.details.steps?.[0]).toBe(
      'Fetching it inside the page: the browser keeps this frame or page closed to Iris (a frame from another site than the tab, or a page extensions may not read)',
    );
    expect(h.mock.requests).toHaveLength(0);
    // In the real toolbar popup the menu click opened: its next step, pressed with Enter.
    expect(await focusToolbarPopupButton(h, 'Capture a region', '[role=alert] button')).toBe(
      'Capture a region',
    );
    realKey('Return');
    await page.locator('iris-region-overlay').waitFor({ state: 'attached' });
    await page.bringToFront();
    realKey('Return');
    await page.locator('iris-region-overlay').waitFor({ state: 'detached' });
    const draft = await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    expect(draft.images[0]?.source.srcUrl).toMatch(/^capture:/);
  });

  it('a tainted canvas in an iframe is cropped where the frame shows it', async () => {
    const page = await openSitePage(h, '/frames.html', 'local');
    const frame = page.frameLocator('#frame');
    await expect
      .poll(() => frame.locator('#tainted').evaluate((c: HTMLElement) => c.dataset.ready))
      .toBe('true');
    await pick(page, '#tainted', DESCRIBE_CANVAS, '#frame');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
  });
});

afterAll(() => {
  expect(h?.workerErrors ?? []).toEqual([]);
});
