import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkReachable } from '../../../utils/image/reachability';
import { readCachedReachability } from '../../../utils/image/reachability-cache';

const URL_ = 'https://cdn.example.com/photo.jpg';
const MAX = 3_750_000;

type Answer = Response | Error | (() => Promise<Response>);
const respond = (status: number, headers: Record<string, string> = {}, body?: BodyInit) =>
  new Response(status === 204 || body === undefined ? null : body, { status, headers });

/** A fetch that answers each call in turn (an Error is thrown, as fetch rejects). */
function fetchAnswering(...answers: Answer[]) {
  const calls: RequestInit[] = [];
  const fake = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {});
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected fetch');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  });
  return { fetch: fake as unknown as typeof fetch, calls };
}

const jpegHead = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const cors = new TypeError('Failed to fetch');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('checkReachable', () => {
  it.each<[string, Answer[], Awaited<ReturnType<typeof checkReachable>>]>([
    [
      'HEAD 200 with an accepted type and size',
      [respond(200, { 'content-type': 'image/jpeg', 'content-length': '120000' })],
      { ok: true, how: 'verified' },
    ],
    [
      'HEAD 200 with a type the API refuses',
      [respond(200, { 'content-type': 'image/svg+xml' })],
      { ok: false, reason: 'its type is image/svg+xml, not PNG, JPEG, WebP or GIF' },
    ],
    [
      'HEAD 200 over the byte cap',
      [respond(200, { 'content-type': 'image/jpeg', 'content-length': '40000000' })],
      { ok: false, reason: 'it is 40.0 MB, over the 3.75 MB cap' },
    ],
    [
      'HEAD 404',
      [respond(404, { 'content-type': 'text/html' })],
      { ok: false, reason: 'HTTP 404' },
    ],
    [
      'HEAD refused (405), ranged GET answers 206 with the first bytes',
      [
        respond(405),
        respond(
          206,
          { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-9/500000' },
          jpegHead,
        ),
      ],
      { ok: true, how: 'verified' },
    ],
    [
      'HEAD refused (501), the GET shows a web page',
      [respond(501), respond(200, { 'content-type': 'image/png' }, '<!doctype html><p>login</p>')],
      { ok: false, reason: 'its type is not an image, not PNG, JPEG, WebP or GIF' },
    ],
    [
      'HEAD refused (403, signed for GET), the ranged GET is over the cap',
      [
        respond(403),
        respond(
          206,
          { 'content-type': 'image/jpeg', 'content-range': 'bytes 0-9/9000000' },
          jpegHead,
        ),
      ],
      { ok: false, reason: 'it is 9.0 MB, over the 3.75 MB cap' },
    ],
    [
      'no CORS headers: HEAD and GET hidden, a no-cors HEAD shows the server answered',
      [cors, cors, respond(0)],
      { ok: true, how: 'unverified' },
    ],
    [
      'the server cannot be reached at all',
      [cors, cors, cors],
      { ok: false, reason: 'the server could not be reached' },
    ],
  ])('%s', async (_name, answers, expected) => {
    const { fetch } = fetchAnswering(...answers);
    expect(await checkReachable(URL_, { fetch, maxBytes: MAX, cache: false })).toEqual(expected);
  });

  it('asks without cookies, and the ranged GET for the first kilobyte only', async () => {
    const { fetch, calls } = fetchAnswering(
      respond(405),
      respond(206, { 'content-type': 'image/jpeg', 'content-range': 'bytes 0-9/10' }, jpegHead),
    );
    await checkReachable(URL_, { fetch, maxBytes: MAX, cache: false });
    expect(calls.map((c) => [c.method ?? 'GET', c.credentials])).toEqual([
      ['HEAD', 'omit'],
      ['GET', 'omit'],
    ]);
    expect(calls[1]?.headers).toEqual({ Range: 'bytes=0-1023' });
  });

  it('an unreadable answer for a name that says SVG is not sent by URL', async () => {
    const { fetch } = fetchAnswering(cors, cors, respond(0));
    const result = await checkReachable('https://cdn.example.com/logo.svg', {
      fetch,
      maxBytes: MAX,
      cache: false,
    });
    expect(result.ok).toBe(false);
  });

  it('gives up after the timeout', async () => {
    const hang = () =>
      new Promise<Response>((_resolve, reject) => {
        setTimeout(() => reject(new DOMException('timed out', 'TimeoutError')), 50);
      });
    const { fetch } = fetchAnswering(hang);
    const result = await checkReachable(URL_, {
      fetch,
      maxBytes: MAX,
      cache: false,
      timeoutMs: 20,
    });
    expect(result).toEqual({ ok: false, reason: 'no answer within 0.02 s' });
  });

  it('caches the answer per URL in storage.session', async () => {
    const { fetch } = fetchAnswering(respond(200, { 'content-type': 'image/png' }));
    await checkReachable(URL_, { fetch, maxBytes: MAX });
    // Stored after the answer, off the request's path.
    await vi.waitFor(async () => expect(await readCachedReachability(URL_)).toBeDefined());
    expect(await checkReachable(URL_, { fetch, maxBytes: MAX })).toEqual({
      ok: true,
      how: 'verified',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await readCachedReachability(URL_)).toEqual({ ok: true, how: 'verified' });
    expect(await readCachedReachability(URL_, Date.now() + 11 * 60_000)).toBeUndefined();
  });
});
