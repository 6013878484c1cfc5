import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeDataUrl, wrongQuadrants } from '../fixtures/images.mjs';
import {
  contextMenuChoose,
  type Harness,
  launch,
  MENU_DESCRIBE,
  openPopupPage,
  openSitePage,
  PUBLIC_HOST,
  popupIsOpen,
  resetExtension,
  TEST_KEY,
  waitForJob,
} from './harness';

type ChatBody = {
  model: string;
  stream: boolean;
  messages: {
    role: string;
    content: string | { type: string; text?: string; image_url?: { url: string } }[];
  }[];
};

function userParts(body: unknown) {
  const message = (body as ChatBody).messages.find((m) => m.role === 'user');
  if (!message || typeof message.content === 'string')
    throw new Error('no user message with parts');
  return message.content;
}

const DESCRIBE = MENU_DESCRIBE;
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

describe('Describe image, from the real context menu', () => {
  it('sends a public image by its URL, text part first, and streams the answer into the popup', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);

    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request.headers['x-openrouter-title']).toBe('Iris');
    expect(request.headers['http-referer']).toMatch(/^https:\/\//);
    const body = request.body as ChatBody;
    expect(body.stream).toBe(true);
    const parts = userParts(body);
    expect(parts.map((part) => part.type)).toEqual(['text', 'image_url']);
    expect(parts[1]?.image_url?.url).toBe(`http://${PUBLIC_HOST}/img/quadrants.jpg`);

    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(job.images[0]?.transport).toBe('url');
    await expect.poll(() => popupIsOpen(h), { timeout: 3000 }).toBe(true);

    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('region', { name: 'Answer' }).innerText())
      .toContain('The image shows red, green, blue and yellow squares');
    expect(await popup.locator('strong', { hasText: 'Four quadrants.' }).count()).toBe(1);
    await expect.poll(() => popup.locator('.meta').innerText()).toContain(body.model);
    expect(await popup.locator('.meta').innerText()).toMatch(/\$\d/);
  });

  it('sends an image from 127.0.0.1 as a base64 PNG of the same picture', async () => {
    const page = await openSitePage(h, '/index.html', 'local');
    await contextMenuChoose(page, '#png', DESCRIBE);

    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    const parts = userParts(request.body);
    expect(parts[0]?.type).toBe('text');
    const url = parts[1]?.image_url?.url ?? '';
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const image = decodeDataUrl(url);
    expect([image.width, image.height]).toEqual([400, 300]);
    expect(wrongQuadrants(image)).toEqual([]);
    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(job.images[0]?.transport).toBe('data');
  });

  it.each([
    ['blob: URL', '#blob'],
    ['data: URL', '#data'],
  ])('reads a %s image in the page and sends its pixels', async (_name, selector) => {
    const page = await openSitePage(h, '/index.html', 'public');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLImageElement | null)?.complete,
      selector,
    );
    await contextMenuChoose(page, selector, DESCRIBE);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    const image = decodeDataUrl(userParts(request.body)[1]?.image_url?.url ?? '');
    expect(wrongQuadrants(image)).toEqual([]);
  });

  it('shrinks a 3000 × 2000 photo to a 2048 px long side before upload', async () => {
    const page = await openSitePage(h, '/index.html', 'local');
    await contextMenuChoose(page, '#large', DESCRIBE);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    const image = decodeDataUrl(userParts(request.body)[1]?.image_url?.url ?? '');
    expect(Math.max(image.width, image.height)).toBe(2048);
    expect(image.base64Length).toBeLessThan(5_000_000);
    expect(wrongQuadrants(image)).toEqual([]);
  });
});

describe('Failures are messages with a next step', () => {
  it('without an API key, the popup says so and its button opens Options; nothing is sent', async () => {
    await resetExtension(h, null);
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.code).toBe('no-api-key');

    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('alert').innerText())
      .toContain('needs your OpenRouter API key');
    const optionsOpened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Enter API key' }).click();
    const options = await optionsOpened;
    await options.waitForLoadState();
    expect(options.url()).toContain('/options.html');
    await expect.poll(() => options.getByLabel('OpenRouter API key').count()).toBe(1);
    expect(h.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  });

  it('a key entered in Options is the one sent', async () => {
    await resetExtension(h, null);
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByLabel('OpenRouter API key').fill('sk-or-v1-typed-in-options');
    await options.getByLabel('Model', { exact: true }).fill('openai/gpt-4o-mini');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').innerText()).toContain('Saved');

    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(request.headers.authorization).toBe('Bearer sk-or-v1-typed-in-options');
    expect((request.body as ChatBody).model).toBe('openai/gpt-4o-mini');
  });

  it.each([
    [401, 'did not accept your API key', 'Enter a new API key'],
    [402, 'out of credits', 'Add credits'],
    [404, 'cannot read images', 'Choose an image-capable model'],
  ])('an HTTP %i becomes its own sentence and action', async (status, sentence, action) => {
    h.mock.enqueue({ type: 'error', status });
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    await waitForJob(h, (j) => j.status === 'error');
    const popup = await openPopupPage(h);
    await expect.poll(() => popup.getByRole('alert').innerText()).toContain(sentence);
    expect(await popup.getByRole('alert').getByText(action).count()).toBe(1);
  });

  it('a dead image link ends in a message naming what was tried', async () => {
    const page = await openSitePage(h, '/index.html', 'local');
    await contextMenuChoose(page, '#missing', DESCRIBE);
    await waitForJob(h, (j) => j.status === 'error');
    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('alert').innerText())
      .toContain('not at its address any more');
    await popup.getByText('What Iris tried').click();
    expect(await popup.getByRole('alert').innerText()).toContain('HTTP 404');
    expect(h.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  });
});

describe('Streaming and Stop', () => {
  it('shows text while it streams, and Stop ends it keeping what arrived', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i} `);
    h.mock.enqueue({ type: 'stream', chunks: words, chunkDelayMs: 150 });
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    await waitForJob(h, (j) => j.status === 'streaming' && j.text.includes('word3 '));

    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('region', { name: 'Answer' }).innerText())
      .toContain('word3');
    await popup.getByRole('button', { name: 'Stop' }).click();
    const job = await waitForJob(h, (j) => j.status === 'stopped');
    expect(job.text).toContain('word3');
    expect(job.text).not.toContain('word59');
    await expect.poll(() => popup.getByRole('status').innerText()).toContain('Stopped');
    expect(await popup.getByRole('region', { name: 'Answer' }).innerText()).toContain('word3');
    // The stream is not read further: its text stays where Stop left it.
    await popup.waitForTimeout(600);
    const after = await waitForJob(h, (j) => j.status === 'stopped');
    expect(after.text).toBe(job.text);
  });
});

describe('The key stays in the extension', () => {
  it('code running in a page cannot read storage.local', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    // The menu click grants activeTab, so Iris may inject into this tab — as it does.
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    await waitForJob(h, (j) => j.status === 'done');
    const seen = await h.worker.evaluate(async (host) => {
      const [tab] = await chrome.tabs.query({ url: `http://${host}/*` });
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab?.id as number },
        func: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (error) {
            return `refused: ${String(error)}`;
          }
        },
      });
      return result?.result as string;
    }, PUBLIC_HOST);
    expect(seen).not.toContain(TEST_KEY);
    expect(seen).toMatch(/refused|^\{\}$/);
  });
});

afterAll(() => {
  // Uncaught errors in the service worker are bugs whatever the test.
  expect(h?.workerErrors ?? []).toEqual([]);
});
