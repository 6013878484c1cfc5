import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contextMenuChoose,
  type Harness,
  launch,
  MENU_DESCRIBE,
  openPopupPage,
  openSitePage,
  resetExtension,
  type StoredJob,
  waitForJob,
} from './harness';

/** Short timeouts, set as a user could, so silent servers fail fast in tests. */
const TIMEOUT_SECONDS = 3;

type Case = {
  name: string;
  scenarios: object[];
  code: string;
  /** Words the popup must show. */
  shows: string;
  /** Text streamed before the failure, which must be kept. */
  keeps?: string;
  status?: 'error' | 'done';
  requests?: number;
};

const partial = { chunks: ['Partial ', 'answer ', 'kept. '] };
const CASES: Case[] = [
  {
    name: '400 unknown model',
    scenarios: [{ type: 'error', status: 400, message: 'x/y is not a valid model ID' }],
    code: 'bad-model',
    shows: 'not one the service knows',
  },
  {
    name: '401 bad key',
    scenarios: [{ type: 'error', status: 401 }],
    code: 'invalid-key',
    shows: 'did not accept your API key',
  },
  {
    name: '402 no credits',
    scenarios: [{ type: 'error', status: 402 }],
    code: 'insufficient-credits',
    shows: 'out of credits',
  },
  {
    name: '403 moderation, with its reason',
    scenarios: [
      {
        type: 'error',
        status: 403,
        message: 'Input flagged',
        metadata: {
          reasons: ['violence'],
          flagged_input: 'x',
          provider_name: 'P',
          model_slug: 'm',
        },
      },
    ],
    code: 'moderated',
    shows: 'violence',
  },
  {
    name: '404 model cannot see images',
    scenarios: [{ type: 'error', status: 404 }],
    code: 'model-cannot-see-images',
    shows: 'cannot read images',
  },
  {
    // Chromium itself resends a request answered 408, so the mock answers 408 every time.
    name: '408 timeout',
    scenarios: [1, 2, 3, 4].map(() => ({ type: 'error', status: 408 })),
    requests: 0,
    code: 'timeout',
    shows: 'took too long',
  },
  {
    // A URL the provider finds too large is sent once more as shrunk bytes, unasked; when
    // that is refused too, the user is told.
    name: '413 payload too large, also after sending the bytes',
    scenarios: [1, 2].map(() => ({ type: 'error', status: 413 })),
    code: 'image-too-large',
    shows: 'too large',
    requests: 2,
  },
  {
    name: '429 three times: two retries honouring Retry-After, then the message',
    scenarios: [1, 2, 3].map(() => ({
      type: 'error',
      status: 429,
      headers: { 'Retry-After': '1' },
    })),
    code: 'rate-limited',
    shows: 'slow down',
    requests: 3,
  },
  {
    name: '429 then an answer',
    scenarios: [
      { type: 'error', status: 429, headers: { 'Retry-After': '1' } },
      { type: 'stream' },
    ],
    code: '',
    shows: 'red, green, blue and yellow',
    status: 'done',
    requests: 2,
  },
  {
    name: '500 server error',
    scenarios: [{ type: 'error', status: 500 }],
    code: 'provider',
    shows: 'provider had a problem',
  },
  {
    name: '502 provider down',
    scenarios: [{ type: 'error', status: 502 }],
    code: 'provider',
    shows: 'provider had a problem',
  },
  {
    name: '503 three times: retried twice',
    scenarios: [1, 2, 3].map(() => ({
      type: 'error',
      status: 503,
      headers: { 'Retry-After': '1' },
    })),
    code: 'provider',
    shows: 'provider had a problem',
    requests: 3,
  },
  {
    name: '524 timeout at the edge',
    scenarios: [{ type: 'error', status: 524 }],
    code: 'provider',
    shows: 'provider had a problem',
  },
  {
    name: '529 overloaded',
    scenarios: [{ type: 'error', status: 529 }],
    code: 'provider',
    shows: 'provider had a problem',
  },
  {
    name: 'an HTML error page instead of JSON',
    scenarios: [
      {
        type: 'raw',
        status: 502,
        headers: { 'Content-Type': 'text/html' },
        body: '<html><body>Bad gateway</body></html>',
      },
    ],
    code: 'provider',
    shows: 'Bad gateway',
  },
  {
    name: 'an error chunk mid-stream',
    scenarios: [{ type: 'midStreamError', afterChunks: 3 }],
    code: 'provider',
    shows: 'provider had a problem',
    keeps: '**Four',
  },
  {
    name: 'malformed JSON mid-stream',
    scenarios: [{ type: 'malformed', afterChunks: 3 }],
    code: 'bad-response',
    shows: 'could not be read',
    keeps: '**Four',
  },
  {
    name: 'the connection reset mid-stream',
    scenarios: [{ type: 'reset', afterChunks: 3 }],
    code: 'network',
    shows: 'connection',
    keeps: '**Four',
  },
  {
    name: 'the connection reset before any answer',
    scenarios: [{ type: 'reset' }],
    code: 'network',
    shows: 'connection',
  },
  {
    name: 'no first byte at all',
    scenarios: [{ type: 'hang' }],
    code: 'timeout',
    shows: `within ${TIMEOUT_SECONDS} s`,
  },
  {
    name: 'silence mid-stream',
    scenarios: [{ type: 'silentAfter', afterChunks: 3 }],
    code: 'timeout',
    shows: `stopped sending for ${TIMEOUT_SECONDS} s`,
    keeps: '**Four',
  },
  {
    name: 'finish_reason content_filter',
    scenarios: [{ type: 'stream', ...partial, finishReason: 'content_filter' }],
    code: 'content-filter',
    shows: 'content filter',
    keeps: 'Partial answer',
  },
  {
    // A model that thinks before it writes can spend the whole limit thinking.
    name: 'an empty answer at the length limit',
    scenarios: [{ type: 'stream', chunks: [], finishReason: 'length' }],
    code: 'empty-answer',
    shows: 'used up the longest answer allowed (1000 tokens)',
  },
  {
    name: 'finish_reason length',
    scenarios: [{ type: 'stream', ...partial, finishReason: 'length' }],
    code: '',
    shows: 'cut off at the length limit',
    status: 'done',
    keeps: 'Partial answer',
  },
];

let h: Harness;
const surfaced: { name: string; ms: number }[] = [];

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  const slowest = [...surfaced].sort((a, b) => b.ms - a.ms)[0];
  if (slowest)
    console.log(
      `API failure corpus: ${surfaced.length} cases; slowest to surface: ${slowest.name} (${slowest.ms} ms)`,
    );
  expect(h?.workerErrors ?? []).toEqual([]);
  await h?.close();
});
beforeEach(async () => {
  await resetExtension(h);
  await h.worker.evaluate(
    (s) => chrome.storage.local.set({ firstByteTimeoutSeconds: s, idleTimeoutSeconds: s }),
    TIMEOUT_SECONDS,
  );
});

describe(`API failures: ${CASES.length} cases, each its own message`, () => {
  it.each(CASES)(
    '$name',
    async ({ name, scenarios, code, shows, keeps, status = 'error', requests = 1 }) => {
      for (const scenario of scenarios) h.mock.enqueue(scenario as never);
      const page = await openSitePage(h, '/index.html', 'public');
      await contextMenuChoose(page, '#jpeg', MENU_DESCRIBE);
      const sent = await h.mock.waitForRequest({ path: '/chat/completions' });
      const job: StoredJob = await waitForJob(h, (j) => j.status === status, 20_000);
      surfaced.push({ name, ms: Date.now() - sent.receivedAt });
      if (code) expect(job.error?.code).toBe(code);
      if (keeps) expect(job.text).toContain(keeps);
      const sentCount = h.mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
      if (requests) expect(sentCount).toBe(requests);

      const popup = await openPopupPage(h);
      await expect.poll(() => popup.locator('main').innerText()).toContain(shows);
      if (status === 'error') {
        const alert = popup.getByRole('alert');
        expect(await alert.count()).toBe(1);
        // Every failure names a next step (a button or link), except the ones with none to take.
        if (!['image-too-large'].includes(code))
          expect(await alert.locator('button, a').count()).toBeGreaterThan(0);
      }
      if (keeps)
        expect(await popup.getByRole('region', { name: 'Answer' }).innerText()).toContain(
          keeps.replace(/\*/g, ''),
        );
    },
  );
});
