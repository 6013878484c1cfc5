// Overhead and payload sections: from the menu click to the chat request reaching the mock
// (Date.now() on both sides, same machine), and the request body against the original file.
import {
  BENCH_HOST,
  contextMenuChoose,
  MENU_DESCRIBE,
  resetExtension,
  waitForJob,
} from './browser.mjs';

/** @typedef {import('./browser.mjs').Bench} Bench */

export const CASES = /** @type {const} */ ([
  {
    id: 'url',
    label: 'public URL (640×480 JPEG)',
    selector: '#small',
    image: 'small.jpg',
    host: 'public',
  },
  {
    id: 'jpeg12',
    label: '12 MP JPEG as bytes',
    selector: '#photo',
    image: 'photo-12mp.jpg',
    host: 'local',
  },
  {
    id: 'png4k',
    label: '4K PNG screenshot as bytes',
    selector: '#screenshot',
    image: 'screenshot-4k.png',
    host: 'local',
  },
  { id: 'svg', label: 'SVG (rasterized)', selector: '#svg', image: 'drawing.svg', host: 'local' },
]);

/**
 * One describe from the real context menu; the times and the request it produced.
 * @param {Bench} b
 * @param {(typeof CASES)[number]} c
 */
async function describeOnce(b, c) {
  await resetExtension(b);
  b.mock.setDefault({ type: 'stream', text: 'Four coloured squares.', chunkDelayMs: 5 });
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  const origin = c.host === 'public' ? `http://${BENCH_HOST}` : b.bench.url;
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
  // The 12 MP photo's decode floor, paired with this run: the same page, the machine as it
  // is just before the click (a floor measured minutes apart varied 290–720 ms in one day).
  const floor = c.id === 'jpeg12' ? await decodeIn(page, `/img/${c.image}`, 1) : undefined;
  b.bench.requests.length = 0;
  const clickedAt = await contextMenuChoose(page, c.selector, MENU_DESCRIBE);
  const request = await b.mock.waitForRequest({ path: '/chat/completions', timeoutMs: 20_000 });
  await waitForJob(b, (job) => job.status === 'done' || job.status === 'error');
  /** @type {any} */
  const body = request.body;
  const parts = body?.messages?.find((/** @type {any} */ m) => m.role === 'user')?.content ?? [];
  const url = parts.find((/** @type {any} */ p) => p.type === 'image_url')?.image_url?.url ?? '';
  const fetches = b.bench.requests.filter(
    (r) => r.path === `/img/${c.image}` && r.at >= clickedAt && r.at <= request.receivedAt,
  );
  return {
    clickToRequest: request.receivedAt - clickedAt,
    floor: floor?.[0],
    // The last look at the image by Iris (reachability HEAD/GET) before the request left.
    afterImageCheck: fetches.length ? request.receivedAt - (fetches.at(-1)?.at ?? 0) : undefined,
    bodyBytes: Buffer.byteLength(request.rawBody ?? ''),
    transport: url.startsWith('data:') ? url.slice(5, url.indexOf(';')) : 'url',
  };
}

/**
 * Runs each case `runs` times.
 * @param {Bench} b
 * @param {number} runs
 * @param {string[]} [only] case ids to run
 */
export async function measureOverhead(b, runs, only = CASES.map((c) => c.id)) {
  /** @type {Record<string, Awaited<ReturnType<typeof describeOnce>>[]>} */
  const results = {};
  for (const c of CASES.filter((x) => only.includes(x.id))) {
    results[c.id] = [];
    for (let i = 0; i < runs; i++) {
      try {
        results[c.id]?.push(await describeOnce(b, c));
      } catch (error) {
        console.error(`  ${c.id} run ${i + 1}: ${/** @type {Error} */ (error).message}`);
      }
    }
    const last = results[c.id]?.at(-1);
    console.error(
      `  ${c.id}: ${results[c.id]?.map((r) => r.clickToRequest).join(', ')} ms (${last?.transport})`,
    );
  }
  return results;
}

/**
 * The floor: the same browser decoding the 12 MP JPEG with createImageBitmap, in a page.
 * @param {Bench} b
 * @param {number} runs
 */
export async function measureDecode(b, runs) {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(`${b.bench.url}/bench.html`);
  return decodeIn(page, '/img/photo-12mp.jpg', runs);
}

/**
 * Milliseconds `runs` createImageBitmap decodes of the image at `path` take in `page`.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {number} runs
 * @returns {Promise<number[]>}
 */
function decodeIn(page, path, runs) {
  return page.evaluate(
    async ([src, n]) => {
      const blob = await (await fetch(src)).blob();
      const times = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        const bitmap = await createImageBitmap(blob);
        times.push(performance.now() - start);
        bitmap.close();
      }
      return times;
    },
    /** @type {const} */ ([path, runs]),
  );
}
