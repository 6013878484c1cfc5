import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
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

let h: Harness;

/** The extension's running service worker (a new one after a stop). */
async function liveWorker(harness: Harness) {
  for (let i = 0; i < 50; i++) {
    for (const worker of [...harness.context.serviceWorkers()].reverse()) {
      const alive = await worker.evaluate(() => true).catch(() => false);
      if (alive) return worker;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no live service worker');
}
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await resetExtension(h);
});

it('a job survives the popup closing and opening again', async () => {
  h.mock.enqueue({
    type: 'stream',
    chunks: Array.from({ length: 20 }, (_, i) => `w${i} `),
    chunkDelayMs: 100,
  });
  const page = await openSitePage(h, '/index.html', 'public');
  await contextMenuChoose(page, '#jpeg', MENU_DESCRIBE);
  const first = await openPopupPage(h);
  await expect
    .poll(() => first.getByRole('region', { name: 'Answer' }).innerText())
    .toContain('w2');
  await first.close();
  const again = await openPopupPage(h);
  await expect
    .poll(() => again.getByRole('region', { name: 'Answer' }).innerText(), { timeout: 8000 })
    .toContain('w19');
  await expect.poll(() => again.getByRole('status').innerText()).toContain('Done');
});

it('when the service worker is stopped mid-stream, the job ends "interrupted" with its text and a working Retry', async () => {
  h.mock.enqueue({
    type: 'stream',
    chunks: Array.from({ length: 80 }, (_, i) => `w${i} `),
    chunkDelayMs: 150,
  });
  const page = await openSitePage(h, '/index.html', 'public');
  await contextMenuChoose(page, '#jpeg', MENU_DESCRIBE);
  await waitForJob(h, (j) => j.status === 'streaming' && j.text.includes('w3 '));
  const popup = await openPopupPage(h);

  // Stop the extension's service worker, as Chrome does to idle or misbehaving workers.
  const cdp = await h.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');

  // The popup notices (it wakes the background, which ends the orphaned job).
  await expect
    .poll(() => popup.getByRole('alert').innerText(), { timeout: 10_000 })
    .toContain('interrupted');
  h.worker = await liveWorker(h);
  const job = await waitForJob(h, (j) => j.status === 'error');
  expect(job.error?.code).toBe('interrupted');
  expect(job.text).toContain('w3');
  expect(await popup.getByRole('region', { name: 'Answer' }).innerText()).toContain('w3');

  h.mock.reset();
  await popup.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  await h.mock.waitForRequest({ path: '/chat/completions', timeoutMs: 5000 });
  await waitForJob(h, (j) => j.status === 'done');
  await expect
    .poll(() => popup.getByRole('region', { name: 'Answer' }).innerText())
    .toContain('red, green, blue and yellow');
});
