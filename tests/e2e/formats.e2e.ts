import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { quadrantGif } from '../fixtures/images.mjs';
import {
  contextMenuChoose,
  type Harness,
  launch,
  MENU_DESCRIBE,
  openPopupPage,
  openSitePage,
  resetExtension,
  waitForJob,
} from './harness';
import { decodeSent, expectFit, nextSentImage } from './sent-image';

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

async function describeImage(path: string, selector: string) {
  const page = await openSitePage(h, path, 'local');
  await page.waitForFunction(
    (s) => (document.querySelector(s) as HTMLImageElement).complete,
    selector,
  );
  await contextMenuChoose(page, selector, DESCRIBE);
  return page;
}

describe('Every format reaches the model as PNG, JPEG, WebP or GIF', () => {
  it.each([
    ['SVG (drawn in the offscreen document)', '#svg', 'image/png'],
    ['GIF', '#gif', 'image/gif'],
    ['BMP', '#bmp', 'image/png'],
    ['ICO', '#ico', 'image/png'],
    ['AVIF (a lossy photo format: as JPEG)', '#avif', 'image/jpeg'],
    ['WebP', '#webp', 'image/webp'],
    ['a 4.9 MB photo (re-encoded under the byte cap)', '#heavy', 'image/jpeg'],
    ['a large animated GIF (its first frame)', '#animated-large', 'image/png'],
  ])('%s', async (_name, selector, mime) => {
    const page = await describeImage('/formats.html', selector);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect(sent.mime).toBe(mime);
    expect((await waitForJob(h, (j) => j.status === 'done')).images[0]?.transport).toBe('data');
  });

  it('the SVG is drawn at a sensible size, and its script never runs', async () => {
    const page = await describeImage('/formats.html', '#svg');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect([sent.width, sent.height]).toEqual([1024, 768]);
    expect(await page.title()).toBe('Iris fixtures: formats');
  });

  it('a small animated GIF goes as it is, every frame', async () => {
    await describeImage('/formats.html', '#animated');
    const url = await nextSentImage(h.mock);
    expect(url).toBe(`data:image/gif;base64,${quadrantGif(200, 150, 3).toString('base64')}`);
  });

  it('a 3000 × 2000 photo is decoded at 2048 px and sent as JPEG', async () => {
    const page = await describeImage('/formats.html', '#large');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect([sent.mime, sent.width, sent.height]).toEqual(['image/jpeg', 2048, 1365]);
  });

  it('a camera’s portrait photo (EXIF-turned, 3 MB, shrunk in the page) is sent upright at 1536 × 2048', async () => {
    const page = await describeImage('/formats.html', '#portrait');
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect([sent.mime, sent.width, sent.height]).toEqual(['image/jpeg', 1536, 2048]);
    expect(sent.wrongQuadrants).toEqual([]);
    // Read by the page (the first step), which shrank it there.
    expect((await waitForJob(h, (j) => j.status === 'done')).images[0]?.transport).toBe('data');
  });
});

describe('What cannot be read ends in its own sentence, with the steps tried', () => {
  it.each([
    ['a 0-byte file', '#empty', 'This file is empty (0 bytes).'],
    ['an HTML page served as image/png', '#html', 'This is a web page, not an image.'],
    ['a damaged JPEG', '#corrupt', 'The image is damaged: its JPEG data is incomplete or corrupt.'],
    [
      'a 404',
      '#missing',
      'The image is not at its address any more: its server answered “not found” (HTTP 404).',
    ],
    [
      'a pixel bomb',
      '#bomb',
      'The image is 30000 × 30000 pixels — too large to process (limit 100 megapixels).',
    ],
    ['a TIFF, which Chromium cannot decode', '#tiff', 'this browser cannot decode TIFF images'],
  ])('%s', async (_name, selector, sentence) => {
    await describeImage('/errors.html', selector);
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.message).toContain(sentence);
    expect(job.error?.details?.steps?.length).toBeGreaterThan(0);
    const popup = await openPopupPage(h);
    await expect.poll(() => popup.getByRole('alert').innerText()).toContain(sentence);
    await popup.getByText('What Iris tried').click();
    const steps = await popup.getByRole('alert').getByRole('listitem').allInnerTexts();
    expect(steps.join('\n')).toMatch(/inside the page/);
    expect(h.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  });

  it('a 404 lists every step and why it failed', async () => {
    await describeImage('/errors.html', '#missing');
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.details?.steps).toEqual([
      'Fetching it inside the page: HTTP 404',
      'Downloading it from Iris: HTTP 404',
      'Capturing it from the screen: the page shows no picture there (it did not load)',
    ]);
  });
});

afterAll(() => {
  expect(h?.workerErrors ?? []).toEqual([]);
});
