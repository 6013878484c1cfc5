// Auto alt text on the 100-image fixture page: time until every image of the first viewport
// has alt text, the chat requests made, and the requests of a second visit (target 0).
import { execFileSync } from 'node:child_process';
import { PUBLIC_HOST, resetExtension } from './browser.mjs';

/** @typedef {import('./browser.mjs').Bench} Bench */
const SITE = `http://${PUBLIC_HOST}`;
const CHAT = '/api/v1/chat/completions';

/** Turns alt text on for the site as a user does (Options, then Chrome's permission dialog). */
async function turnOn(/** @type {Bench} */ b) {
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.getByLabel('Turn alt text on for a site').fill(SITE);
  await options.getByRole('button', { name: 'Turn on' }).click();
  await options.waitForTimeout(1000);
  execFileSync('xdotool', ['key', 'Tab']);
  await options.waitForTimeout(200);
  execFileSync('xdotool', ['key', 'Return']);
  await options
    .locator('.alt-text-section .saved', { hasText: `Alt text turned on for ${SITE}.` })
    .waitFor({ timeout: 10_000 });
  await options.close();
}

/** Resolves with ms from navigation start until every first-viewport image has Iris's alt. */
async function firstViewportTime(/** @type {import('playwright-core').Page} */ page) {
  const handle = await page.waitForFunction(
    () => {
      const inView = Array.from(document.images).filter((img) => {
        const r = img.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      });
      const done = inView.length > 0 && inView.every((img) => img.hasAttribute('data-iris-alt'));
      return done ? { ms: performance.now(), images: inView.length } : null;
    },
    undefined,
    { polling: 10, timeout: 60_000 },
  );
  return /** @type {{ms: number, images: number}} */ (await handle.jsonValue());
}

/** @param {Bench} b */
export async function measureAltText(b) {
  await resetExtension(b);
  await b.worker.evaluate(async (pattern) => {
    await chrome.permissions.remove({ origins: [pattern] });
    await chrome.scripting.unregisterContentScripts();
  }, `${SITE}/*`);
  b.mock.setDefault({
    type: 'stream',
    text: 'Four coloured squares.',
    ttftMs: 300,
    chunkDelayMs: 5,
  });
  await turnOn(b);
  const chat = () => b.mock.requests.filter((r) => r.path === CHAT).length;
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.bringToFront();
  await page.goto(`${SITE}/alt-text-100.html`);
  const first = await firstViewportTime(page);
  await page.waitForTimeout(3000); // let what is in flight finish; nothing is scrolled
  const firstVisitRequests = chat();
  await page.reload();
  const revisit = await firstViewportTime(page);
  await page.waitForTimeout(3000);
  return {
    firstViewportMs: first.ms,
    firstViewportImages: first.images,
    firstVisitRequests,
    revisitFirstViewportMs: revisit.ms,
    revisitRequests: chat() - firstVisitRequests,
  };
}
