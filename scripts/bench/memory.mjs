// Memory: the service worker's JS heap after many describes of the 12 MP JPEG sent as bytes.
// Each describe is started the way a keyboard user does it (focus the image, Alt+Shift+D);
// the heap is read through the DevTools protocol attached to the worker, after a forced GC.
import { execFileSync } from 'node:child_process';
import { resetExtension, waitForJob } from './browser.mjs';

/** @typedef {import('./browser.mjs').Bench} Bench */

/**
 * A DevTools session with the extension's service worker, through the browser-level session
 * (Playwright opens sessions only for pages): Target.attachToTarget without flattening.
 * @param {Bench} b
 */
async function attachToWorker(b) {
  const browser = b.context.browser();
  if (!browser) throw new Error('no browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.includes(b.extensionId),
  );
  if (!target) throw new Error('the service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  /** @param {string} method @param {object} [params] */
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  return {
    /**
     * Used JS heap in bytes after a full garbage collection, plus ArrayBuffer backing stores
     * (outside the heap proper; reported by Chromium as backingStorageSize).
     */
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const usage = /** @type {{usedSize: number, backingStorageSize?: number}} */ (
        await send('Runtime.getHeapUsage')
      );
      return usage.usedSize + (usage.backingStorageSize ?? 0);
    },
    detach: () => cdp.detach(),
  };
}

/**
 * Describes the 12 MP JPEG `count` times and reads the worker's heap before and after.
 * @param {Bench} b
 */
export async function measureMemory(b, count = 50) {
  await resetExtension(b);
  b.mock.setDefault({ type: 'stream', text: 'A noisy photo.', chunkDelayMs: 1 });
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(`${b.bench.url}/bench.html`);
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
  const worker = await attachToWorker(b);
  /** Focus the photo and press the shortcut; wait for the answer. */
  const describe = async () => {
    const before = b.mock.requests.length;
    await page.bringToFront();
    await page.evaluate(() => {
      const photo = /** @type {HTMLImageElement} */ (document.querySelector('#photo'));
      photo.tabIndex = 0;
      photo.focus();
    });
    execFileSync('xdotool', ['key', 'alt+shift+d']);
    await waitForJob(
      b,
      (job) => b.mock.requests.length > before && (job.status === 'done' || job.status === 'error'),
      60_000,
    );
  };
  try {
    // Two warm-up runs: compiled code, caches and the offscreen document are not leaks.
    await describe();
    await describe();
    const baseline = await worker.heapAfterGc();
    const started = Date.now();
    for (let i = 0; i < count; i++) await describe();
    const seconds = (Date.now() - started) / 1000;
    const after = await worker.heapAfterGc();
    const jobs = b.mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    return { count, baseline, after, growth: after - baseline, seconds, requests: jobs };
  } finally {
    await worker.detach();
  }
}
