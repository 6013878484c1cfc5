import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BAD_IMAGE_NAMES } from '../fixtures/bad-images.mjs';
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
/** How long each case took from the menu choice to its final state, for the report. */
const took: [string, number, string][] = [];

beforeAll(async () => {
  h = await launch();
});
beforeEach(async () => {
  await resetExtension(h);
});
afterAll(async () => {
  console.log(
    'bad-image corpus timings (ms):\n' +
      took
        .map(([name, ms, message]) => `${String(ms).padStart(6)}  ${name}: ${message}`)
        .join('\n'),
  );
  try {
    // No unhandled rejection or uncaught error in the service worker for the whole corpus.
    expect(h?.workerErrors ?? []).toEqual([]);
  } finally {
    await h?.close();
  }
});

const PAGE = `/bad-images.html?names=${BAD_IMAGE_NAMES.join(',')}`;
const id = (name: string) => `#${name.replace(/\./g, '-')}`;

/** [case, element, what the job must end with] */
const CASES: [string, string, RegExp][] = [
  ...BAD_IMAGE_NAMES.map((name): [string, string, RegExp] => [name, id(name), /./]),
  ['a malformed data: URL', '#data-malformed', /./],
  ['a data: URL of text', '#data-garbage', /./],
  ['an empty data: URL', '#data-empty', /./],
  ['a revoked blob: URL', '#blob-revoked', /./],
];

describe('The bad-input image corpus: each case ends in its own message, in time', () => {
  it('has at least 25 cases here', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)(
    '%s',
    async (name, selector, expected) => {
      const page = await openSitePage(h, PAGE, 'local');
      await page.locator(selector).waitFor({ state: 'attached' });
      const started = Date.now();
      await contextMenuChoose(page, selector, MENU_DESCRIBE);
      const job = await waitForJob(
        h,
        (j) => ['error', 'done', 'stopped'].includes(j.status),
        50_000,
      );
      const message = job.status === 'error' ? (job.error?.message ?? '') : `(${job.status})`;
      took.push([name, Date.now() - started, message]);
      expect(job.status).toBe('error');
      expect(message).toMatch(expected);
      const popup = await openPopupPage(h);
      await expect.poll(() => popup.getByRole('alert').innerText()).toContain(message.slice(0, 40));
    },
    70_000,
  );
});
