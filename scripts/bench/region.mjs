// A 4K screen region: "Capture a region and ask…" (Alt+Shift+S, Enter takes the whole view)
// on a 3840 × 2160 virtual screen with Chromium at device pixel ratio 2, so the tab's
// screenshot is 4K in device pixels. Needs its own Xvfb (the suite's screen is 1920 × 1080).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launch, resetExtension, waitForJob } from './browser.mjs';

const SCREEN = '3840x2160x24';

/** Starts Xvfb on a free display number; resolves to its name and a stop function. */
async function startBigScreen() {
  let n = 77;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  const display = `:${n}`;
  const server = spawn('Xvfb', [display, '-screen', '0', SCREEN, '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > deadline) throw new Error(`Xvfb ${display} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { display, stop: () => server.kill() };
}

/**
 * `runs` captures of the whole 4K view: from Enter in the overlay to the picture being in the
 * question tray (select, screenshot, crop, shrink, thumbnail), then from Send to the request.
 * @param {number} runs
 */
export async function measureRegion(runs) {
  const screen = await startBigScreen();
  const env = { ...process.env, DISPLAY: screen.display };
  /** @param {string[]} keys */
  const keys = (...keys) => execFileSync('xdotool', ['key', ...keys], { env });
  const b = await launch({
    display: screen.display,
    windowSize: [1920, 1080],
    deviceScaleFactor: 2,
  });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      await resetExtension(b);
      b.mock.setDefault({ type: 'stream', text: 'A screenshot.', chunkDelayMs: 5 });
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      await page.goto(`${b.bench.url}/region.html`);
      await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
      await page.bringToFront();
      const size = await page.evaluate(() => ({
        width: Math.round(innerWidth * devicePixelRatio),
        height: Math.round(innerHeight * devicePixelRatio),
      }));
      // A real click on the page, so the keys go to it (not to the tab strip or omnibox
      // that had focus after the last run's popup tab closed).
      execFileSync('xdotool', ['mousemove', '1600', '1200', 'click', '1'], { env });
      keys('alt+shift+s');
      await page.locator('iris-region-overlay').waitFor({ state: 'attached' });
      // The overlay's element is in the page a moment before its key listener.
      await page.waitForTimeout(200);
      const enterAt = Date.now();
      keys('Return');
      await waitForJob(b, (job) => job.status === 'draft' && job.images.length === 1, 60_000);
      const draftAt = Date.now();
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      await popup.getByRole('textbox', { name: 'Question' }).fill('What is on my screen?');
      const sendAt = Date.now();
      await popup.getByRole('button', { name: 'Send' }).click();
      const request = await b.mock.waitForRequest({ path: '/chat/completions', timeoutMs: 30_000 });
      await waitForJob(b, (job) => job.status === 'done' || job.status === 'error');
      await popup.close();
      const url = /** @type {any} */ (request.body)?.messages?.[1]?.content?.[1]?.image_url?.url;
      results.push({
        screenshot: `${size.width} × ${size.height}`,
        enterToDraft: draftAt - enterAt,
        sendToRequest: request.receivedAt - sendAt,
        bodyBytes: Buffer.byteLength(request.rawBody ?? ''),
        sentAs: typeof url === 'string' ? url.slice(5, url.indexOf(';')) : 'n/a',
      });
      console.error(`  region run ${i + 1}: ${JSON.stringify(results.at(-1))}`);
    }
  } finally {
    await b.close();
    screen.stop();
  }
  return results;
}
