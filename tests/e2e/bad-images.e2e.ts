import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BAD_IMAGE_NAMES, STALLING, SVG_EXTERNAL_HOST } from '../fixtures/bad-images.mjs';
import {
  contextMenuChoose,
  type Harness,
  launch,
  MENU_DESCRIBE,
  openPopupPage,
  openSitePage,
  realClick,
  resetExtension,
  type StoredJob,
  waitForJob,
} from './harness';
import { decodeSent, nextSentImage } from './sent-image';

/** The image timeout, set as a user could (`imageTimeoutSeconds`), so stalls fail fast. */
const TIMEOUT_SECONDS = 3;
/** What a case may take beyond the timeout: the screen capture, the popup, a busy machine. */
const MARGIN_MS = 5000;

type Case = {
  name: string;
  /** The element to right-click on the corpus page. */
  target: string;
  /** The error code the job ends with; '' when the right outcome is an answer. */
  code: string;
  /** Words the popup must show (its alert for a failure). */
  shows: string;
  /** For an answer: the type of the image the model received. */
  sent?: string;
  /** The sent image must show the fixture's four quadrants (a crop from the screen). */
  quadrants?: boolean;
  /** A canvas: Describe image stands alone in its menu, then the picture is picked. */
  pick?: boolean;
};

const damaged = (format: string) => `The image is damaged: its ${format} data is incomplete`;
const cannotDecode = (format: string) =>
  `The image is damaged, or this browser cannot decode ${format} images.`;
const id = (name: string) => `#${name.replace(/[.:]/g, '-')}`;
const ANSWER = 'red, green, blue and yellow';

const CASES: Case[] = [
  {
    name: 'a truncated PNG',
    target: id('truncated.png'),
    code: 'unsupported-image',
    shows: damaged('PNG'),
  },
  {
    name: 'a PNG that is only its signature',
    target: id('signature-only.png'),
    code: 'unsupported-image',
    shows: damaged('PNG'),
  },
  {
    name: 'a PNG with garbage pixel data',
    target: id('garbage-idat.png'),
    code: 'unsupported-image',
    shows: damaged('PNG'),
  },
  {
    name: 'a truncated GIF',
    target: id('truncated.gif'),
    code: 'unsupported-image',
    shows: damaged('GIF'),
  },
  {
    name: 'a truncated JPEG',
    target: id('truncated.jpg'),
    code: 'unsupported-image',
    shows: damaged('JPEG'),
  },
  {
    name: 'a JPEG whose header is cut short',
    target: id('corrupt-header.jpg'),
    code: 'unsupported-image',
    shows: damaged('JPEG'),
  },
  {
    name: 'a truncated WebP',
    target: id('truncated.webp'),
    code: 'unsupported-image',
    shows: damaged('WebP'),
  },
  {
    name: 'a truncated BMP',
    target: id('truncated.bmp'),
    code: 'unsupported-image',
    shows: cannotDecode('BMP'),
  },
  {
    name: 'a truncated ICO',
    target: id('truncated.ico'),
    code: 'unsupported-image',
    shows: cannotDecode('ICO'),
  },
  {
    name: 'a 0-byte file',
    target: id('empty.png'),
    code: 'unsupported-image',
    shows: 'This file is empty (0 bytes).',
  },
  {
    name: 'a PNG served as text/plain (sniffed: it works)',
    target: id('png-as-text.png'),
    code: '',
    shows: ANSWER,
    sent: 'image/png',
  },
  {
    name: 'a JPEG labelled image/png (sniffed: sent as JPEG)',
    target: id('jpeg-as-png.png'),
    code: '',
    shows: ANSWER,
    sent: 'image/jpeg',
  },
  {
    name: 'an HTML page served as image/png',
    target: id('html-as-image.png'),
    code: 'unsupported-image',
    shows: 'This is a web page, not an image.',
  },
  {
    name: 'JSON served as an image',
    target: id('json-as-image.png'),
    code: 'unsupported-image',
    shows: 'This is data (JSON), not an image.',
  },
  {
    name: 'random bytes named .jpg',
    target: id('random.jpg'),
    code: 'unsupported-image',
    shows: 'its contents match no image format',
  },
  {
    name: 'a 30000 × 30000 PNG bomb',
    target: id('bomb.png'),
    code: 'image-too-large',
    shows: 'The image is 30000 × 30000 pixels — too large to process',
  },
  {
    name: 'a 65535 × 65535 GIF bomb',
    target: id('bomb.gif'),
    code: 'image-too-large',
    shows: 'The image is 65535 × 65535 pixels — too large to process',
  },
  {
    name: 'a 16384 × 16384 WebP bomb',
    target: id('bomb.webp'),
    code: 'image-too-large',
    shows: 'The image is 16384 × 16384 pixels — too large to process',
  },
  {
    name: 'an SVG with a script and external references (drawn, inert)',
    target: id('hostile.svg'),
    code: '',
    shows: ANSWER,
    sent: 'image/png',
  },
  {
    name: 'an SVG that is not XML',
    target: id('not-xml.svg'),
    code: 'unsupported-image',
    shows: 'The SVG image is damaged and could not be drawn.',
  },
  {
    name: 'HTTP 403',
    target: id('status-403.png'),
    code: 'image-unreachable',
    shows: 'refused to hand it over (HTTP 403)',
  },
  {
    name: 'HTTP 404',
    target: id('missing.png'),
    code: 'image-unreachable',
    shows: '“not found” (HTTP 404)',
  },
  {
    name: 'HTTP 410',
    target: id('status-410.png'),
    code: 'image-unreachable',
    shows: '“not found” (HTTP 410)',
  },
  {
    name: 'HTTP 500',
    target: id('status-500.png'),
    code: 'image-unreachable',
    shows: 'answered with an error (HTTP 500)',
  },
  {
    name: 'a redirect loop',
    target: id('redirect-loop.png'),
    code: 'image-unreachable',
    shows: 'redirects in circles',
  },
  {
    name: 'a redirect to a web page',
    target: id('redirect-to-page.png'),
    code: 'unsupported-image',
    shows: 'This is a web page, not an image.',
  },
  {
    name: 'a body that stalls after the headers',
    target: id('stalls.png'),
    code: 'image-unreachable',
    shows: `did not answer within ${TIMEOUT_SECONDS} s`,
  },
  {
    name: 'a server that never answers',
    target: id('never-answers.png'),
    code: 'image-unreachable',
    shows: `did not answer within ${TIMEOUT_SECONDS} s`,
  },
  {
    name: 'a public URL whose server never answers (its check counts too)',
    target: id('public:never-answers.png'),
    code: 'image-unreachable',
    shows: `did not answer within ${TIMEOUT_SECONDS} s`,
  },
  {
    name: 'the connection reset mid-body',
    target: id('reset.png'),
    code: 'image-unreachable',
    shows: 'broke off before the whole image arrived',
  },
  {
    name: 'a 63 MB response',
    target: id('huge.png'),
    code: 'image-too-large',
    shows: 'too large to download (over 60 MB)',
  },
  {
    name: 'a malformed data: URL',
    target: '#data-malformed',
    code: 'unsupported-image',
    shows: 'The data: URL is malformed.',
  },
  {
    name: 'a data: URL of text',
    target: '#data-text',
    code: 'unsupported-image',
    shows: 'its contents match no image format',
  },
  {
    name: 'a data: URL that calls a JPEG a PNG (sniffed)',
    target: '#data-wrong-mime',
    code: '',
    shows: ANSWER,
    sent: 'image/jpeg',
  },
  {
    name: 'a revoked blob: URL still on screen (cropped from the screen)',
    target: '#blob-revoked',
    code: '',
    shows: ANSWER,
    sent: 'image/png',
    quadrants: true,
  },
  {
    name: 'a revoked blob: URL that never showed',
    target: '#blob-broken',
    code: 'image-unreachable',
    shows: 'released this picture’s temporary (blob:) address',
  },
  {
    name: 'a canvas tainted by another site (cropped from the screen)',
    target: '#tainted',
    code: '',
    shows: ANSWER,
    sent: 'image/png',
    quadrants: true,
    pick: true,
  },
];

const PAGE = `/bad-images.html?names=${BAD_IMAGE_NAMES.join(',')}&stalling=${STALLING.join(',')}`;

let h: Harness;
let page: Page;
const surfaced: { name: string; code: string; ms: number }[] = [];

/** Uncaught errors and unhandled rejections of the worker, reported on its console. */
async function watchWorker(): Promise<void> {
  await h.worker.evaluate(() => {
    const scope = globalThis as typeof globalThis & { __irisWatched?: boolean };
    if (scope.__irisWatched) return;
    scope.__irisWatched = true;
    scope.addEventListener('unhandledrejection', (event) =>
      console.error('unhandled rejection:', String((event as PromiseRejectionEvent).reason)),
    );
    scope.addEventListener('error', (event) =>
      console.error('uncaught:', String((event as ErrorEvent).message)),
    );
  });
}

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  const rows = surfaced.map(
    (r) =>
      `${r.name.padEnd(62)} ${(r.code || '(answer)').padEnd(18)} ${String(r.ms).padStart(6)} ms`,
  );
  const slowest = [...surfaced].sort((a, b) => b.ms - a.ms)[0];
  console.log(
    [
      `Bad-image corpus: ${surfaced.length}/${CASES.length} cases surfaced; image timeout ${TIMEOUT_SECONDS} s`,
      ...rows,
      slowest ? `slowest: ${slowest.name} (${slowest.ms} ms)` : '',
    ].join('\n'),
  );
  expect(h?.workerErrors ?? []).toEqual([]);
  await h?.close();
});
beforeEach(async () => {
  await resetExtension(h);
  await watchWorker();
  await h.worker.evaluate(
    (s) => chrome.storage.local.set({ imageTimeoutSeconds: s }),
    TIMEOUT_SECONDS,
  );
  // One load of the corpus page serves every case (resetExtension closes the other tabs).
  if (!page || page.isClosed() || !page.url().includes('/bad-images.html')) {
    page = await openSitePage(h, PAGE, 'local');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  }
});

const chatRequests = () =>
  h.mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

describe(`Bad input images: ${CASES.length} cases, each its own message, in time`, () => {
  it('the corpus has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$name', async ({ name, target, code, shows, sent, quadrants, pick }) => {
    const errorsBefore = h.workerErrors.length;
    const auditBefore = h.auditHits.length;
    if (pick) {
      await contextMenuChoose(page, target, 'd');
      await expect
        .poll(() => page.evaluate(() => !!document.querySelector('iris-pick')))
        .toBe(true);
      await realClick(page, target);
    } else {
      await contextMenuChoose(page, target, MENU_DESCRIBE);
    }
    const ended = (j: StoredJob) => ['done', 'error', 'stopped'].includes(j.status);
    const job = await waitForJob(h, ended, TIMEOUT_SECONDS * 1000 + MARGIN_MS + 10_000);
    // From the menu choice (the job's birth) to its end, by the worker's own clock.
    const { createdAt, updatedAt } = job as StoredJob & { createdAt: number; updatedAt: number };
    const ms = updatedAt - createdAt;
    surfaced.push({ name, code: job.error?.code ?? '', ms });
    if (process.env.IRIS_E2E_VERBOSE)
      console.log(
        name,
        '→',
        job.error?.message ?? job.text.slice(0, 60),
        job.error?.details?.steps,
      );

    expect(job.status, job.error?.message).toBe(code ? 'error' : 'done');
    expect(ms).toBeLessThan(TIMEOUT_SECONDS * 1000 + MARGIN_MS);
    if (code) {
      expect(job.error?.code).toBe(code);
      expect(job.error?.message).toContain(shows);
      expect(job.error?.details?.steps?.length).toBeGreaterThan(0);
      // An unusable image is never sent to the model.
      expect(chatRequests()).toBe(0);
    } else {
      const image = await decodeSent(page, await nextSentImage(h.mock));
      expect(image.mime).toBe(sent);
      if (quadrants) expect(image.wrongQuadrants).toEqual([]);
      expect(chatRequests()).toBe(1);
    }

    const popup = await openPopupPage(h);
    if (code) {
      await expect.poll(() => popup.getByRole('alert').innerText()).toContain(shows);
      expect(await popup.getByRole('alert').locator('details, button, a').count()).toBeGreaterThan(
        0,
      );
    } else {
      await expect
        .poll(() => popup.getByRole('region', { name: 'Answer' }).innerText())
        .toContain(shows);
    }
    // The job is over: no spinner, nothing busy.
    expect(await popup.locator('.spinner').count()).toBe(0);
    expect(await popup.locator('[aria-busy="true"]').count()).toBe(0);
    await popup.close();

    expect(h.workerErrors.slice(errorsBefore)).toEqual([]);
    // Nothing the SVG names is fetched (any other host lands on the audit server).
    expect(
      h.auditHits.slice(auditBefore).filter((hit) => hit.host?.includes(SVG_EXTERNAL_HOST)),
    ).toEqual([]);
    expect(await page.title()).toBe('Iris fixtures: the bad-input image corpus');
  });
});
