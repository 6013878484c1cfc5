import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CDN_HOST,
  contextMenuChoose,
  type Harness,
  launch,
  MENU_DESCRIBE,
  openSitePage,
  PUBLIC_HOST,
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
  h.site.requests.length = 0;
});

const imageRequests = (path: string) => h.site.requests.filter((r) => r.path === path);

describe('Public images go by URL once a cookie-less check confirms the provider can fetch them', () => {
  it.each([
    ['another host with CORS (HEAD)', '#cross', `http://${CDN_HOST}/img/quadrants.png`, 'verified'],
    [
      'a server that refuses HEAD (ranged GET)',
      '#no-head',
      `http://${CDN_HOST}/img/no-head/quadrants.jpg`,
      'verified',
    ],
    [
      'a server without CORS headers (it answered; the browser hides what)',
      '#no-cors',
      `http://${CDN_HOST}/img/no-cors/quadrants.jpg`,
      'unverified',
    ],
  ])('%s', async (_name, selector, url, how) => {
    const page = await openSitePage(h, '/public.html', 'public');
    await contextMenuChoose(page, selector, DESCRIBE);
    expect(await nextSentImage(h.mock)).toBe(url);
    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(job.images[0]?.transport).toBe('url');
    const path = new URL(url).pathname;
    const checks = imageRequests(path).filter((r) => r.method === 'HEAD' || r.range);
    expect(checks.length).toBeGreaterThan(0);
    // The check sends no cookies, like the provider.
    expect(checks.every((r) => !r.cookie)).toBe(true);
    const cached = await h.worker.evaluate(
      async (key) =>
        ((await chrome.storage.session.get('reachability')).reachability as never)[key],
      url,
    );
    expect(cached).toMatchObject({ ok: true, how });
  });

  it('checks a URL once: a second describe uses the cached answer', async () => {
    const page = await openSitePage(h, '/public.html', 'public');
    await contextMenuChoose(page, '#cross', DESCRIBE);
    await waitForJob(h, (j) => j.status === 'done');
    h.mock.reset();
    await contextMenuChoose(page, '#cross', DESCRIBE);
    expect(await nextSentImage(h.mock)).toBe(`http://${CDN_HOST}/img/quadrants.png`);
    expect(imageRequests('/img/quadrants.png').filter((r) => r.method === 'HEAD')).toHaveLength(1);
    await waitForJob(h, (j) => j.status === 'done');
  });

  it.each([
    ['an SVG (a type the API refuses)', '#svg'],
    ['a 4.9 MB photo (over the byte cap)', '#heavy'],
    ['a server that does not answer the check within 2.5 s', '#slow'],
  ])('%s goes as converted bytes', async (_name, selector) => {
    const page = await openSitePage(h, '/public.html', 'public');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLImageElement).complete,
      selector,
    );
    await contextMenuChoose(page, selector, DESCRIBE);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    expect((await waitForJob(h, (j) => j.status === 'done')).images[0]?.transport).toBe('data');
  });

  it('an image behind a login (403 without the cookie the page set) goes as bytes read in the page', async () => {
    const page = await openSitePage(h, '/private.html', 'public');
    await contextMenuChoose(page, '#private', DESCRIBE);
    const sent = await decodeSent(page, await nextSentImage(h.mock));
    expect(expectFit(sent)).toEqual([]);
    const requests = imageRequests('/img/private/quadrants.png');
    expect(requests.some((r) => r.method === 'HEAD' && !r.cookie)).toBe(true);
    expect(requests.some((r) => r.cookie?.includes('iris_session'))).toBe(true);
  });

  it('when the provider cannot fetch the URL, Iris sends the bytes instead, unasked', async () => {
    h.mock.enqueue({
      type: 'error',
      status: 400,
      message: 'Failed to download image',
      metadata: { error_type: 'image_download_failed' },
    });
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    expect(await nextSentImage(h.mock)).toBe(`http://${PUBLIC_HOST}/img/quadrants.jpg`);
    const second = await nextSentImage(h.mock);
    expect(second.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(expectFit(await decodeSent(page, second))).toEqual([]);
    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(job.images[0]?.transport).toBe('data');
    expect(job.error).toBeUndefined();
  });
});

afterAll(() => {
  expect(h?.workerErrors ?? []).toEqual([]);
});
