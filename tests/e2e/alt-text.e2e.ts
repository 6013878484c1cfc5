import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contextMenuChoose,
  focusPage,
  type Harness,
  launch,
  MENU_ALT_TEXT,
  openPopupPage,
  openSitePage,
  PUBLIC_HOST,
  resetExtension,
  waitForJob,
} from './harness';

const SITE = `http://${PUBLIC_HOST}`;
const PATTERN = `${SITE}/*`;
const CHAT = '/api/v1/chat/completions';
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type ChatBody = {
  messages: {
    role: string;
    content: string | { type: string; text?: string; image_url?: { url: string } }[];
  }[];
};

let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await resetExtension(h);
  // A clean browser: no site access granted and no content script registered, so every
  // test goes through Chrome's own permission dialog.
  await h.worker.evaluate(async (pattern) => {
    await chrome.permissions.remove({ origins: [pattern] });
    await chrome.scripting.unregisterContentScripts();
  }, PATTERN);
  h.mock.setDefault({
    type: 'stream',
    text: 'Image of four coloured squares.',
    chunkDelayMs: 5,
    cost: 0.0001,
  });
});

/** The image URLs the mock was asked about, in order. */
function requestedImageUrls(): string[] {
  return h.mock.requests
    .filter((request) => request.path === CHAT)
    .map((request) => {
      const user = (request.body as ChatBody).messages.find((m) => m.role === 'user');
      const parts = typeof user?.content === 'string' ? [] : (user?.content ?? []);
      return parts.find((part) => part.type === 'image_url')?.image_url?.url ?? '';
    });
}

/**
 * Turns auto mode on for the fixture site the way a user does in Options: types the site,
 * presses Turn on, and accepts Chrome's native permission dialog with the keyboard (Deny
 * has the focus; Tab moves it to Allow).
 */
async function turnOnFromOptions(): Promise<Page> {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.getByLabel('Turn alt text on for a site').fill(SITE);
  await options.getByRole('button', { name: 'Turn on' }).click();
  await options.waitForTimeout(1000);
  execFileSync('xdotool', ['key', 'Tab']);
  await options.waitForTimeout(200);
  execFileSync('xdotool', ['key', 'Return']);
  await expect
    .poll(() => options.locator('.alt-text-section .saved').innerText())
    .toBe(`Alt text turned on for ${SITE}.`);
  return options;
}

type Attrs = Record<string, { alt: string | null; role: string | null; marked: string | null }>;

function snapshot(page: Page): Promise<Attrs> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.images).map((img) => [
        img.id,
        {
          alt: img.getAttribute('alt'),
          role: img.getAttribute('role'),
          marked: img.getAttribute('data-iris-alt'),
        },
      ]),
    ),
  );
}

/** Scrolls to the bottom (lazy images load) and waits for the image added later. */
async function scrollThrough(page: Page) {
  await page.waitForFunction(() => document.body.dataset.addedLater === 'true');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function waitForAllWritten(page: Page) {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img[data-expect="write"]')).every(
        (img) => img.getAttribute('data-iris-alt') === 'auto',
      ),
    undefined,
    { timeout: 20_000 },
  );
}

const WRITE_COUNT = 24;
const DISTINCT_WRITE_URLS = 23; // two images share one URL

describe('Auto alt text on an opted-in site', () => {
  it('writes alt text on exactly the images that need it, asking once per URL; a reload asks nothing', async () => {
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await page.waitForFunction(() => document.body.dataset.addedLater === 'true');
    const before = await snapshot(page);
    expect(Object.keys(before)).toHaveLength(40);
    await turnOnFromOptions();
    await page.bringToFront();
    await scrollThrough(page);
    await waitForAllWritten(page);
    await page.waitForTimeout(1000); // anything wrongly queued would be asked by now

    const after = await snapshot(page);
    const expectations = await page.evaluate(() =>
      Object.fromEntries(Array.from(document.images).map((img) => [img.id, img.dataset.expect])),
    );
    const written = Object.keys(after).filter((id) => after[id]?.marked);
    expect(written.sort()).toEqual(
      Object.keys(expectations)
        .filter((id) => expectations[id] === 'write')
        .sort(),
    );
    expect(written).toHaveLength(WRITE_COUNT);
    for (const id of written) expect(after[id]?.alt).toBe('Four coloured squares.');
    for (const id of Object.keys(after).filter((id) => expectations[id] === 'keep')) {
      expect(after[id], id).toEqual(before[id]);
    }

    const urls = requestedImageUrls();
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(DISTINCT_WRITE_URLS);
    expect(urls.every((url) => url.startsWith(`${SITE}/img/quadrants.png?id=`))).toBe(true);
    expect(h.mock.requests.every((request) => request.validation.ok)).toBe(true);

    await page.reload();
    await page.waitForLoadState('load');
    await scrollThrough(page);
    await waitForAllWritten(page);
    expect(requestedImageUrls()).toHaveLength(DISTINCT_WRITE_URLS);
  });

  it('stops at the page cap, with a notice in the page', async () => {
    await h.worker.evaluate(() => chrome.storage.local.set({ altTextPageCapUsd: 0.0025 }));
    h.mock.setDefault({ type: 'stream', text: 'Four squares', ttftMs: 200, cost: 0.001 });
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await turnOnFromOptions();
    await page.bringToFront();
    const notice = page.locator('[data-iris-notice] [role="status"]');
    await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toContain('page limit');
    const asked = requestedImageUrls().length;
    await scrollThrough(page);
    await page.waitForTimeout(1500);
    // 3 at once; each answer under the cap lets one more start: 0.001 → #4, 0.002 → #5.
    expect(requestedImageUrls().length).toBe(asked);
    expect(asked).toBeLessThanOrEqual(5);
    expect(await page.locator('img[data-iris-alt]').count()).toBe(asked);
    await injectAxe(page);
    expect(await axeViolations(page, '[data-iris-notice]')).toEqual([]);
  });

  it('reaches pictures inside web components — open, closed, added or defined later — and switching off restores them', async () => {
    const options = await turnOnFromOptions();
    const page = await openSitePage(h, '/components.html', 'public');
    /** Each card's picture: its mark and alt (a closed root is reached through the page's handle). */
    const cards = () =>
      page.evaluate(() => {
        const closed = (window as unknown as { closedRoots: Record<string, ShadowRoot> })
          .closedRoots;
        return ['open-card', 'closed-card', 'late-card', 'slow-card'].map((id) => {
          const card = document.getElementById(id);
          const img = (card?.shadowRoot ?? closed[id])?.querySelector('img');
          return img ? `${img.getAttribute('data-iris-alt')}: ${img.getAttribute('alt')}` : 'none';
        });
      });
    await expect
      .poll(cards, { timeout: 20_000 })
      .toEqual(Array(4).fill('auto: Four coloured squares.'));
    await options.bringToFront();
    await options.getByRole('button', { name: `Turn off alt text on ${SITE}` }).click();
    await expect.poll(cards).toEqual(Array(4).fill('null: null'));
  });

  it('switching off restores every original attribute and unregisters the script', async () => {
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await page.waitForFunction(() => document.body.dataset.addedLater === 'true');
    const before = await snapshot(page);
    const options = await turnOnFromOptions();
    await page.bringToFront();
    await scrollThrough(page);
    await waitForAllWritten(page);
    await options.bringToFront();
    await options.getByRole('button', { name: `Turn off alt text on ${SITE}` }).click();
    await expect.poll(() => snapshot(page)).toEqual(before);
    expect(await page.locator('[data-iris-alt], [data-iris-alt-original]').count()).toBe(0);
    expect(await h.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual(
      [],
    );
    const asked = requestedImageUrls().length;
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/img/quadrants.png?id=after-off';
      img.id = 'after-off';
      document.body.prepend(img);
    });
    await page.waitForTimeout(1000);
    expect(requestedImageUrls().length).toBe(asked);
  });
});

describe('Generate alt text and keyboard commands', () => {
  it('"Generate alt text" writes a clean alt on the clicked image only', async () => {
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await contextMenuChoose(page, '#missing-1', MENU_ALT_TEXT);
    const job = await waitForJob(
      h,
      (j) => j.status === 'done' && !!(j as { altText?: unknown }).altText,
    );
    expect((job as unknown as { altText: unknown }).altText).toEqual({
      text: 'Four coloured squares.',
      written: true,
    });
    await expect
      .poll(() => page.locator('#missing-1').getAttribute('alt'))
      .toBe('Four coloured squares.');
    expect(await page.locator('img[data-iris-alt]').count()).toBe(1);
    const body = h.mock.requests[0]?.body as ChatBody;
    const prompt = JSON.stringify(body.messages);
    expect(prompt).toMatch(/at most 125 characters/);
    expect(prompt).toMatch(/language with the tag \\"en/);
    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('status').filter({ hasText: 'Alt text written' }).innerText())
      .toContain('Four coloured squares.');
  });

  it.each([
    ['an open', '#open-card', (page: Page) => page.locator('#open-card img').getAttribute('alt')],
    [
      'a closed',
      '#closed-card',
      (page: Page) =>
        page.evaluate(() =>
          (window as unknown as { closedRoots: Record<string, ShadowRoot> }).closedRoots[
            'closed-card'
          ]
            ?.querySelector('img')
            ?.getAttribute('alt'),
        ),
    ],
  ])(
    '"Generate alt text" on a picture inside a web component (%s shadow root); Markdown in the answer is dropped',
    async (_kind, card, altOf) => {
      const page = await openSitePage(h, '/components.html', 'public');
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('photo-card')).every(
          (card) => card.getBoundingClientRect().height > 100,
        ),
      );
      // Models like to bold their first words; an alt attribute has no use for the marks.
      h.mock.setDefault({
        type: 'stream',
        text: '**Four squares.** Red, green, blue and `yellow`.',
      });
      await contextMenuChoose(page, card, MENU_ALT_TEXT);
      const job = await waitForJob(h, (j) => j.status === 'done' && !!j.altText);
      expect(job.altText).toEqual({
        text: 'Four squares. Red, green, blue and yellow.',
        written: true,
      });
      await expect.poll(() => altOf(page)).toBe('Four squares. Red, green, blue and yellow.');
    },
  );

  it('"Alt text for this page" (Alt+Shift+L) makes one pass without opting the site in', async () => {
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await page.waitForFunction(() => document.body.dataset.addedLater === 'true');
    await focusPage(page);
    execFileSync('xdotool', ['key', 'alt+shift+l']);
    await expect
      .poll(() => page.locator('img[data-iris-alt]').count(), { timeout: 15_000 })
      .toBeGreaterThan(10);
    await page.waitForTimeout(1000);
    const marked = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img[data-iris-alt]')).map(
        (img) => img.dataset.expect,
      ),
    );
    expect(marked.every((expect) => expect === 'write')).toBe(true);
    expect(await h.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual(
      [],
    );
  });

  it('"Describe focused image" (Alt+Shift+D) describes the image that has focus', async () => {
    const page = await openSitePage(h, '/alt-text.html', 'public');
    await focusPage(page);
    await page.evaluate(() => {
      const img = document.getElementById('good-1') as HTMLImageElement;
      img.tabIndex = 0;
      img.focus();
    });
    execFileSync('xdotool', ['key', 'alt+shift+d']);
    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(requestedImageUrls()).toEqual([`${SITE}/img/quadrants.png?id=good-1`]);
    expect(job.text).toBe('Image of four coloured squares.');
  });
});

async function injectAxe(page: Page) {
  // Runs through the DevTools protocol, which extension pages' CSP does not block.
  await page.evaluate(`${AXE_SOURCE}\n;0`);
}

async function axeViolations(page: Page, include?: string): Promise<string[]> {
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(selector ? { include: [selector] } : document);
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, include);
}

describe('Accessibility (axe-core)', () => {
  it('the popup with a finished answer and the options page have no violations', async () => {
    await h.worker.evaluate(async (site) => {
      await chrome.storage.local.set({ altTextSites: [site] });
      await chrome.storage.session.set({
        currentJob: {
          id: 'a11y',
          task: 'alt-text',
          prompt: 'p',
          images: [{ source: { srcUrl: 'https://example.com/a.png' } }],
          turns: [],
          status: 'done',
          // A table too: answers about charts come as one, and it must read as a table.
          text: 'A **red** square. Then a green one.\n\n| Colour | Share |\n|---|---:|\n| red | 50 % |',
          model: 'google/gemini-2.5-flash',
          usage: { cost: 0.0002 },
          altText: { text: 'A red square', written: true },
          createdAt: Date.now(),
          updatedAt: Date.now(),
        },
      });
    }, SITE);
    const popup = await openPopupPage(h);
    await popup.getByRole('region', { name: 'Answer' }).waitFor();
    await popup.getByRole('columnheader', { name: 'Share' }).waitFor();
    await injectAxe(popup);
    expect(await axeViolations(popup)).toEqual([]);
    expect(await popup.getByTestId('announcer').innerText()).toContain(
      'A red square. Then a green one.',
    );

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: `Turn off alt text on ${SITE}` }).waitFor();
    await injectAxe(options);
    expect(await axeViolations(options)).toEqual([]);
    // Every control is reachable with Tab: walk the whole page once, then compare with
    // every visible, enabled control it has.
    const controls = await options.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>(
        'input, button, select, textarea, a[href], [tabindex]:not([tabindex="-1"])',
      );
      return [...all].filter(
        (el) => !(el as HTMLInputElement).disabled && el.getClientRects().length > 0,
      ).length;
    });
    await options.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    let reachedCount = 0;
    // Each control shows where focus is: its own outline, or (a hidden file input) its label's.
    const focusUnseen: string[] = [];
    for (let i = 0; i < controls + 5; i++) {
      await options.keyboard.press('Tab');
      const marked = await options.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.dataset.tabSeen) return false;
        el.dataset.tabSeen = '1';
        const box = el.getBoundingClientRect();
        const shown = box.width > 2 && box.height > 2 ? el : el.closest('label');
        const ring = shown && getComputedStyle(shown).outlineStyle !== 'none';
        return ring ? true : el.id || el.outerHTML.slice(0, 80);
      });
      if (typeof marked === 'string') focusUnseen.push(marked);
      if (marked) reachedCount++;
    }
    expect(reachedCount).toBe(controls);
    expect(focusUnseen).toEqual([]);
    for (const id of ['api-key', 'alt-new-site', 'alt-page-cap', 'alt-day-cap', 'alt-copy']) {
      expect(await options.locator(`#${id}`).getAttribute('data-tab-seen'), id).toBe('1');
    }
  });
});
