// delta→DOM and the popup's first paint. The mock's chunk writes are timestamped by wrapping
// ServerResponse#write in this process (the mock runs here); the popup page timestamps each
// chunk's text with a MutationObserver. Both use Date.now(), the same machine clock.
import http from 'node:http';
import {
  BENCH_HOST,
  contextMenuChoose,
  MENU_DESCRIBE,
  resetExtension,
  waitForJob,
} from './browser.mjs';

/** @typedef {import('./browser.mjs').Bench} Bench */

/** marker → Date.now() when the mock wrote the chunk carrying it. */
const written = new Map();
const originalWrite = http.ServerResponse.prototype.write;
/** @this {import('node:http').ServerResponse} @param {any[]} args */
function timedWrite(...args) {
  const [chunk] = args;
  if (typeof chunk === 'string' && chunk.startsWith('data: ')) {
    const marker = /"content":"(tok\d+)/.exec(chunk)?.[1];
    if (marker && !written.has(marker)) written.set(marker, Date.now());
  }
  return /** @type {any} */ (originalWrite).apply(this, args);
}
http.ServerResponse.prototype.write = /** @type {any} */ (timedWrite);

/** @param {number} n */
const tokens = (n) => Array.from({ length: n }, (_, i) => `tok${String(i).padStart(3, '0')} `);

/** @param {Bench} b */
async function startDescribe(b) {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(`http://${BENCH_HOST}/bench.html`);
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
  await contextMenuChoose(page, '#small', MENU_DESCRIBE);
}

/**
 * Streams `chunks` deltas into the popup's page (a tab in front) and returns, per chunk, the
 * time from the mock writing it to its text in the DOM.
 * @param {Bench} b
 */
export async function measureDeltaToDom(b, chunks = 60, chunkDelayMs = 50) {
  await resetExtension(b);
  written.clear();
  b.mock.setDefault({ type: 'stream', chunks: tokens(chunks), ttftMs: 1500, chunkDelayMs });
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await popup.evaluate(() => {
    /** @type {Record<string, number>} */
    const seen = {};
    Object.assign(window, { benchSeen: seen });
    new MutationObserver(() => {
      const now = Date.now();
      for (const m of document.body.textContent?.match(/tok\d{3}/g) ?? [])
        if (!(m in seen)) seen[m] = now;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await startDescribe(b);
  await popup.bringToFront();
  await waitForJob(b, (job) => job.status === 'done' || job.status === 'error', 30_000);
  await popup.waitForTimeout(300);
  /** @type {Record<string, number>} */
  const seen = await popup.evaluate(() => /** @type {any} */ (window).benchSeen);
  await popup.close();
  return [...written].filter(([m]) => m in seen).map(([m, at]) => (seen[m] ?? 0) - at);
}

/**
 * Opens the popup page `runs` times while a job streams: first-contentful-paint, and the time
 * until the streamed answer is in the DOM (both from navigation start).
 * @param {Bench} b
 * @param {number} runs
 */
export async function measurePopupPaint(b, runs) {
  await resetExtension(b);
  b.mock.setDefault({ type: 'stream', chunks: tokens(400), ttftMs: 200, chunkDelayMs: 40 });
  await startDescribe(b);
  await waitForJob(b, (job) => job.status === 'streaming' && job.text.length > 0);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const answerAt = await popup.waitForFunction(
      () => (/tok\d{3}/.test(document.body.textContent ?? '') ? performance.now() : 0),
      undefined,
      { polling: 'raf' },
    );
    const fcp = await popup.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    results.push({ fcp, answer: /** @type {number} */ (await answerAt.jsonValue()) });
    await popup.close();
  }
  return results;
}
