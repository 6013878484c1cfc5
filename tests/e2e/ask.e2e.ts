import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeColour, decodeDataUrl } from '../fixtures/images.mjs';
import {
  contextMenuChoose,
  drag,
  focusPage,
  focusToolbarPopupButton,
  type Harness,
  launch,
  MENU_ADD,
  MENU_ASK,
  MENU_CAPTURE_ON_PAGE,
  openPopupPage,
  openSitePage,
  PUBLIC_HOST,
  popupIsOpen,
  pressKeys,
  resetExtension,
  waitForJob,
} from './harness';

type Part = { type: string; text?: string; image_url?: { url: string } };
type Body = { messages: { role: string; content: string | Part[] }[] };

const chats = (h: Harness) => h.mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
const imageUrl = (path: string) => `http://${PUBLIC_HOST}${path}`;
const RED = [220, 30, 30];
const GREEN = [30, 180, 60];
const BLUE = [40, 60, 220];

describe('Ask about this image…, follow-ups, Add to question', () => {
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

  it('asks my question about the image, then a follow-up without a second copy of it', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', MENU_ASK);
    await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    await expect.poll(() => popupIsOpen(h), { timeout: 3000 }).toBe(true);
    expect(chats(h)).toHaveLength(0);

    let popup = await openPopupPage(h);
    let question = popup.getByRole('textbox', { name: 'Question' });
    expect(await question.inputValue()).toBe('Describe this');
    await question.fill('What is in the top left corner?');
    // The popup closes before Send (a look at the page is enough) and opens again: the
    // question typed is still there.
    await popup.close();
    popup = await openPopupPage(h);
    question = popup.getByRole('textbox', { name: 'Question' });
    await expect.poll(() => question.inputValue()).toBe('What is in the top left corner?');
    await popup.getByRole('button', { name: 'Send' }).click();
    const first = await h.mock.waitForRequest({ path: '/chat/completions' });
    const parts = (first.body as Body).messages[1]?.content as Part[];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url']);
    expect(parts[0]?.text).toBe('What is in the top left corner?');
    expect(parts[1]?.image_url?.url).toBe(imageUrl('/img/quadrants.jpg'));
    await waitForJob(h, (j) => j.status === 'done');

    h.mock.enqueue({ type: 'stream', text: 'It is a **Brompton**.' });
    const followUp = popup.getByRole('textbox', { name: 'Ask a follow-up' });
    await followUp.fill('What brand is the bike?');
    await followUp.press('Enter');
    const second = await h.mock.waitForRequest({ path: '/chat/completions' });
    expect(second.validation.ok, second.validation.issues.join('; ')).toBe(true);
    const messages = (second.body as Body).messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[3]?.content).toBe('What brand is the bike?');
    expect(second.rawBody.split(imageUrl('/img/quadrants.jpg')).length - 1).toBe(1);
    await expect
      .poll(() => popup.getByRole('region', { name: 'Answer' }).innerText())
      .toContain('It is a Brompton.');
    expect(await popup.getByRole('region', { name: 'Question 1' }).innerText()).toContain(
      'red, green, blue and yellow',
    );
  });

  it('Add to question ×3, then one Send: one request, text first, the three images in order', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    for (const [i, selector] of ['#png', '#jpeg', '#large'].entries()) {
      await contextMenuChoose(page, selector, MENU_ADD);
      await waitForJob(h, (j) => j.status === 'draft' && j.images.length === i + 1);
    }
    const badge = await h.worker.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('3');
    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('list', { name: 'Images in this question (3)' }).count())
      .toBe(1);
    await popup
      .getByRole('textbox', { name: 'Question' })
      .fill('Which of these is the cheapest-looking?');
    await popup.getByRole('button', { name: 'Send' }).click();
    const request = await h.mock.waitForRequest({ path: '/chat/completions' });
    const parts = (request.body as Body).messages[1]?.content as Part[];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url', 'image_url', 'image_url']);
    expect(parts[0]?.text).toBe('Which of these is the cheapest-looking?');
    expect(parts.slice(1).map((p) => p.image_url?.url)).toEqual(
      ['/img/quadrants.png', '/img/quadrants.jpg', '/img/photo-large.jpg'].map(imageUrl),
    );
    await waitForJob(h, (j) => j.status === 'done');
    expect(chats(h)).toHaveLength(1);
  });

  it('a picture removed from the tray is not sent', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#png', MENU_ADD);
    await waitForJob(h, (j) => j.images.length === 1);
    await contextMenuChoose(page, '#jpeg', MENU_ADD);
    await waitForJob(h, (j) => j.images.length === 2);
    const popup = await openPopupPage(h);
    await popup.getByRole('button', { name: 'Remove picture 1' }).click();
    await expect
      .poll(() => popup.getByRole('list', { name: 'Images in this question (1)' }).count())
      .toBe(1);
    await popup.getByRole('button', { name: 'Send' }).click();
    const request = await h.mock.waitForRequest({ path: '/chat/completions' });
    const parts = (request.body as Body).messages[1]?.content as Part[];
    const urls = parts.flatMap((p) => p.image_url?.url ?? []);
    expect(urls).toEqual([imageUrl('/img/quadrants.jpg')]);
  });
});

/** The first x (or y) along a line where the colour turns from `from` to something else. */
function edge(
  image: ReturnType<typeof decodeDataUrl>,
  axis: 'x' | 'y',
  at: number,
  from: number[],
): number {
  const length = axis === 'x' ? image.width : image.height;
  for (let i = 0; i < length; i++) {
    const colour = axis === 'x' ? image.pixel(i, at) : image.pixel(at, i);
    if (!closeColour(colour, from)) return i;
  }
  return length;
}

/**
 * Presses Iris's capture shortcut (Alt+Shift+S) on `page` with the real keyboard and waits for
 * the overlay. Under Xvfb no window manager hands out focus, and on a loaded machine a key sent
 * just after the browser started has once gone nowhere (CI, the first test after a launch):
 * when no overlay comes and Iris shows no sign of the key (no job, no badge), it is pressed once
 * more. A shortcut Iris saw and failed on still fails the test, with what Iris showed.
 */
async function captureByShortcut(h: Harness, page: Page): Promise<void> {
  await focusPage(page);
  for (let attempt = 1; ; attempt++) {
    pressKeys('alt+shift+s');
    try {
      await page.locator('iris-region-overlay').waitFor({ state: 'attached', timeout: 10_000 });
      return;
    } catch {
      const seen = await h.worker.evaluate(async () => ({
        job: (await chrome.storage.session.get('currentJob')).currentJob ?? null,
        badge: await chrome.action.getBadgeText({}),
      }));
      if (attempt > 1 || seen.job || seen.badge)
        throw new Error(
          `No overlay after Alt+Shift+S (press ${attempt}); Iris showed ${JSON.stringify(seen)}; worker errors: ${h.workerErrors.join(' | ') || 'none'}`,
        );
      console.warn('Alt+Shift+S did not reach Iris (no job, no badge); pressing it again');
    }
  }
}

describe.each([1, 2])('Capture a region and ask… at device pixel ratio %i', (dpr) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ deviceScaleFactor: dpr, windowSize: [900, 500] });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await resetExtension(h);
  });

  async function sendDraftAndGetImage() {
    await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    const popup = await openPopupPage(h);
    await popup.getByRole('textbox', { name: 'Question' }).fill('What colours are these?');
    await popup.getByRole('button', { name: 'Send' }).click();
    const request = await h.mock.waitForRequest({ path: '/chat/completions' });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    const parts = (request.body as Body).messages[1]?.content as Part[];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url']);
    await waitForJob(h, (j) => j.status === 'done');
    return decodeDataUrl(parts[1]?.image_url?.url ?? '');
  }

  it('the shortcut, a drag, a question: the model gets exactly the dragged pixels', async () => {
    const page = await openSitePage(h, '/blocks.html', 'local');
    await captureByShortcut(h, page);
    await page.evaluate(() => {
      (window as unknown as { pageKeys: string[] }).pageKeys = [];
    });
    // From inside red (200,120) to inside yellow (420,300): the red/green edge is at
    // x = 100 CSS px of the crop, the red/blue edge at y = 80.
    await drag(page, [200, 120], [420, 300]);
    await page.locator('iris-region-overlay').waitFor({ state: 'detached' });
    const image = await sendDraftAndGetImage();
    // The overlay dims the page: a darker red here would mean its pixels were captured.
    expect(closeColour(image.pixel(image.width / 4, image.height / 4), RED, 12)).toBe(true);
    expect(Math.abs(image.width - 220 * dpr)).toBeLessThanOrEqual(2);
    expect(Math.abs(image.height - 180 * dpr)).toBeLessThanOrEqual(2);
    expect(closeColour(image.pixel(5, 5), RED)).toBe(true);
    expect(Math.abs(edge(image, 'x', 20 * dpr, RED) - 100 * dpr)).toBeLessThanOrEqual(2);
    expect(Math.abs(edge(image, 'y', 20 * dpr, RED) - 80 * dpr)).toBeLessThanOrEqual(2);
    expect(closeColour(image.pixel(image.width - 5, 5), GREEN)).toBe(true);
    expect(closeColour(image.pixel(5, image.height - 5), BLUE)).toBe(true);
    // No overlay pixels: the dimmed page would be darker than the blocks' own colours.
    expect(
      await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys),
    ).toEqual([]);
  });

  it('from the page context menu: the same overlay and capture', async () => {
    const page = await openSitePage(h, '/blocks.html', 'local');
    await contextMenuChoose(page, '#green', MENU_CAPTURE_ON_PAGE);
    await page.locator('iris-region-overlay').waitFor({ state: 'attached' });
    await drag(page, [320, 20], [380, 60]);
    const image = await sendDraftAndGetImage();
    expect(Math.abs(image.width - 60 * dpr)).toBeLessThanOrEqual(2);
    expect(closeColour(image.pixel(image.width / 2, image.height / 2), GREEN)).toBe(true);
  });

  it('keyboard only: arrows move, Shift+arrows resize, Enter takes it', async () => {
    const page = await openSitePage(h, '/blocks.html', 'local');
    await captureByShortcut(h, page);
    // The first arrow shows a 200 × 150 box in the middle; Shift+Right ×4 widens it by 40.
    pressKeys(
      'Left',
      'shift+Right',
      'shift+Right',
      'shift+Right',
      'shift+Right',
      'shift+Down',
      'Return',
    );
    await page.locator('iris-region-overlay').waitFor({ state: 'detached' });
    const image = await sendDraftAndGetImage();
    expect(Math.abs(image.width - 240 * dpr)).toBeLessThanOrEqual(2);
    expect(Math.abs(image.height - 160 * dpr)).toBeLessThanOrEqual(2);
  });

  it('Esc cancels: the page is as it was and nothing is sent', async () => {
    const page = await openSitePage(h, '/blocks.html', 'local');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await captureByShortcut(h, page);
    pressKeys('Right', 'shift+Right', 'Escape');
    await page.locator('iris-region-overlay').waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    const job = await h.worker.evaluate(
      async () => (await chrome.storage.session.get('currentJob')).currentJob ?? null,
    );
    expect(job).toBeNull();
    expect(chats(h)).toHaveLength(0);
  });
});

describe('the popup’s own Capture a region button', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ windowSize: [900, 600] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the overlay on the page behind the popup; Enter takes the view into the tray', async () => {
    await resetExtension(h);
    const page = await openSitePage(h, '/blocks.html', 'local');
    await focusPage(page);
    // The real toolbar popup, opened from the keyboard (Alt+Shift+O, Iris's "open" shortcut,
    // which grants access to the tab as a click on the toolbar button does); the button is
    // given focus and pressed with a real Enter.
    pressKeys('alt+shift+o');
    expect(await focusToolbarPopupButton(h, 'Capture a region and ask')).toBe(
      'Capture a region and ask',
    );
    pressKeys('Return');
    await page.locator('iris-region-overlay').waitFor({ state: 'attached' });
    await page.bringToFront();
    pressKeys('Return');
    await page.locator('iris-region-overlay').waitFor({ state: 'detached' });
    const job = await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    expect(job.images[0]?.source.srcUrl).toMatch(/^capture:/);
    expect(chats(h)).toHaveLength(0);
  });
});
