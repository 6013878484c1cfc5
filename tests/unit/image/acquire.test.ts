import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IrisError } from '../../../utils/errors';
import { type AcquireDeps, acquireImage } from '../../../utils/image/acquire';
import type { NormalizedImage } from '../../../utils/image/normalize';

const options = { sendPublicByUrl: true, maxSide: 2048 };
const normalized: NormalizedImage = {
  dataUrl: 'data:image/png;base64,AA==',
  mime: 'image/png',
  bytes: 1,
};

/** Dependencies where every step fails unless a test says otherwise. */
function deps(overrides: Partial<AcquireDeps> = {}): AcquireDeps {
  return {
    checkReachable: vi.fn(async () => ({ ok: true as const, how: 'verified' as const })),
    fetch: vi.fn(async () => new Response('', { status: 404 })) as unknown as typeof fetch,
    executeScript: vi.fn(async () => [
      { frameId: 0, result: { ok: false, error: 'HTTP 404' } },
    ]) as never,
    capture: vi.fn(async () => {
      throw new Error('the page shows no picture there (it did not load)');
    }),
    normalize: vi.fn(async () => normalized),
    ...overrides,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('acquireImage', () => {
  it('sends a public image the check confirms by URL, reading no bytes', async () => {
    const d = deps();
    const image = await acquireImage(
      { srcUrl: 'https://cdn.example.com/a.jpg', tabId: 1 },
      options,
      d,
    );
    expect(image.payload).toEqual({ kind: 'url', url: 'https://cdn.example.com/a.jpg' });
    expect(d.executeScript).not.toHaveBeenCalled();
  });

  it('sends bytes when the check fails, and says why if the bytes fail too', async () => {
    const d = deps({
      checkReachable: vi.fn(async () => ({ ok: false as const, reason: 'HTTP 403' })),
    });
    const error = await acquireImage(
      { srcUrl: 'https://cdn.example.com/a.jpg', tabId: 1 },
      options,
      d,
    ).catch((e: IrisError) => e);
    expect(error).toBeInstanceOf(IrisError);
    expect((error as IrisError).message).toContain('HTTP 404');
    expect((error as IrisError).details.steps).toEqual([
      'Sending its address (checked as the provider would fetch it): HTTP 403',
      'Fetching it inside the page: HTTP 404',
      'Downloading it from Iris: HTTP 404',
      'Capturing it from the screen: the page shows no picture there (it did not load)',
    ]);
  });

  it('with forceBytes (the provider could not fetch it) skips the URL', async () => {
    const d = deps({
      executeScript: vi.fn(async () => [
        { frameId: 0, result: { ok: true, dataUrl: 'data:image/png;base64,AA==' } },
      ]) as never,
    });
    const image = await acquireImage(
      { srcUrl: 'https://cdn.example.com/a.jpg', tabId: 1 },
      { ...options, forceBytes: true },
      d,
    );
    expect(image.payload.kind).toBe('data');
    expect(d.checkReachable).not.toHaveBeenCalled();
  });

  it('falls through the chain to the screen capture', async () => {
    const d = deps({ capture: vi.fn(async () => new Uint8Array([1, 2, 3])) });
    const image = await acquireImage(
      { srcUrl: 'http://127.0.0.1/a.png', tabId: 1, frameId: 3 },
      options,
      d,
    );
    expect(image.payload.kind).toBe('data');
    expect(d.capture).toHaveBeenCalledWith({
      tabId: 1,
      frameId: 3,
      targetId: undefined,
      srcUrl: 'http://127.0.0.1/a.png',
    });
    expect(d.normalize).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), { maxSide: 2048 });
  });

  it('a blob: URL is read in the page only (then the capture)', async () => {
    const d = deps();
    await acquireImage({ srcUrl: 'blob:https://app.example/1', tabId: 1 }, options, d).catch(
      () => undefined,
    );
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('a normalize failure keeps its sentence and lists the step that got the bytes', async () => {
    const d = deps({
      executeScript: vi.fn(async () => [
        { frameId: 0, result: { ok: true, dataUrl: 'data:image/png;base64,' } },
      ]) as never,
      normalize: vi.fn(async () => {
        throw new IrisError('unsupported-image', 'This file is empty (0 bytes).');
      }),
    });
    const error = (await acquireImage(
      { srcUrl: 'http://127.0.0.1/e.png', tabId: 1 },
      options,
      d,
    ).catch((e) => e)) as IrisError;
    expect(error.message).toBe('This file is empty (0 bytes).');
    expect(error.details.steps).toEqual([
      'Fetching it inside the page: received 0 bytes — This file is empty (0 bytes).',
    ]);
  });

  it.each([
    [
      'a canvas read in the page',
      { kind: 'data', dataUrl: 'data:image/png;base64,AQID', element: 'canvas' },
      'data',
    ],
    [
      'a CSS background on a public host',
      { kind: 'url', url: 'https://cdn.example.com/bg.jpg', element: 'div background' },
      'url',
    ],
    [
      'a tainted canvas (captured)',
      { kind: 'capture', element: 'canvas', why: 'canvas-unreadable' },
      'data',
    ],
  ])('a picked element: %s', async (_name, content, kind) => {
    const d = deps({
      executeScript: vi.fn(async () => [{ frameId: 0, result: content }]) as never,
      capture: vi.fn(async () => new Uint8Array([9])),
    });
    const image = await acquireImage({ targetId: 't1', tabId: 1 }, options, d);
    expect(image.payload.kind).toBe(kind);
  });

  it('a tainted canvas the screen cannot give either: the steps say why, in words', async () => {
    const d = deps({
      executeScript: vi.fn(async () => [
        { frameId: 0, result: { kind: 'capture', element: 'canvas', why: 'canvas-unreadable' } },
      ]) as never,
      capture: vi.fn(async () => {
        throw new Error('the tab is not visible');
      }),
    });
    const error = await acquireImage({ targetId: 't1', tabId: 1 }, options, d).catch((e) => e);
    expect(error).toBeInstanceOf(IrisError);
    expect(error.details.steps[0]).toBe('Reading the canvas: the canvas cannot be read');
  });

  /** The page's fetch (a page-script call: a `files` injection, then the call) waits it out. */
  type PageInjection = { files?: string[]; args?: [string, [string, number, number]] };
  const hangingPageFetch = () =>
    vi.fn(async (injection: PageInjection) => {
      if (injection.files) return [];
      await new Promise((resolve) => setTimeout(resolve, injection.args?.[1][2]));
      return [{ frameId: 0, result: { ok: false, error: 'x', timedOut: true } }];
    });
  /** The time each page fetch was given. */
  const pageTimeouts = (executeScript: unknown) =>
    (executeScript as ReturnType<typeof hangingPageFetch>).mock.calls
      .map(([injection]) => injection.args?.[1][2])
      .filter((t) => t !== undefined);

  it('a server that never answers ends within the image timeout, naming it', async () => {
    // The page's fetch gives up at the time it was given; Iris's download has none left.
    const d = deps({
      executeScript: hangingPageFetch() as never,
    });
    const started = Date.now();
    const error = (await acquireImage(
      { srcUrl: 'http://127.0.0.1/hangs.png', tabId: 1 },
      { ...options, timeoutMs: 300 },
      d,
    ).catch((e) => e)) as IrisError;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toContain('did not answer within 0.3 s');
    expect(error.details.steps).toEqual([
      'Fetching it inside the page: no complete answer within 0.3 s',
      'Downloading it from Iris: not tried: the 0.3 s for this image had run out',
      'Capturing it from the screen: the page shows no picture there (it did not load)',
    ]);
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('the URL check counts against the same time: the whole image ends within it', async () => {
    const d = deps({
      checkReachable: vi.fn(async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { ok: false as const, reason: 'no answer within 0.2 s' };
      }),
      executeScript: hangingPageFetch() as never,
    });
    const started = Date.now();
    const error = (await acquireImage(
      { srcUrl: 'https://cdn.example.com/hangs.png', tabId: 1 },
      { ...options, timeoutMs: 500 },
      d,
    ).catch((e) => e)) as IrisError;
    const pageTime = pageTimeouts(d.executeScript)[0];
    expect(pageTime).toBeLessThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(error.message).toContain('did not answer within 0.5 s');
  });

  it('a page that never answers is cut off a moment after the timeout', async () => {
    const d = deps({
      executeScript: vi.fn(() => new Promise(() => undefined)) as never,
      fetch: vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ) as never,
    });
    const started = Date.now();
    const error = (await acquireImage(
      { srcUrl: 'http://127.0.0.1/hangs.png', tabId: 1 },
      { ...options, timeoutMs: 100 },
      d,
    ).catch((e) => e)) as IrisError;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toContain('did not answer within 0.1 s');
  });

  it('a download that stalls mid-body ends at the timeout (Iris’s own download)', async () => {
    const started = Date.now();
    // Like fetch, an abort of the request's signal errors a body still being read.
    const d = deps({
      executeScript: vi.fn(async () => [
        { frameId: 0, result: { ok: false, error: 'Failed to fetch' } },
      ]) as never,
      fetch: vi.fn(async (_url: string, init: RequestInit) => {
        const stalled = new ReadableStream<Uint8Array>({
          start: (controller) => {
            controller.enqueue(new Uint8Array([0x89, 0x50]));
            init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        });
        return new Response(stalled, { status: 200 });
      }) as never,
    });
    const error = (await acquireImage(
      { srcUrl: 'http://127.0.0.1/stalls.png', tabId: 1 },
      { ...options, timeoutMs: 200 },
      d,
    ).catch((e) => e)) as IrisError;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toContain('did not answer within 0.2 s');
    expect(error.details.steps?.[1]).toBe(
      'Downloading it from Iris: no complete answer within 0.2 s',
    );
  });

  it('Iris’s download asks again without cookies when CORS refuses them (a CDN’s `*`)', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      if (init.credentials === 'include') throw new TypeError('Failed to fetch');
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { status: 200 });
    });
    const d = deps({
      // The page could not be read (a frame from another site).
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access contents of the page.');
      }) as never,
      fetch: fetch as never,
    });
    const image = await acquireImage(
      { srcUrl: 'http://127.0.0.1:8080/a.png', tabId: 1, frameId: 3 },
      options,
      d,
    );
    expect(image.payload.kind).toBe('data');
    expect(fetch.mock.calls.map(([, init]) => init.credentials)).toEqual(['include', 'omit']);
    expect(d.normalize).toHaveBeenCalledWith(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
      maxSide: 2048,
    });
  });

  it('a picked element that left the page says so', async () => {
    const d = deps({
      executeScript: vi.fn(async () => [{ frameId: 0, result: { kind: 'gone' } }]) as never,
    });
    await expect(acquireImage({ targetId: 't1', tabId: 1 }, options, d)).rejects.toThrow(
      'The picture is no longer on the page.',
    );
  });
});
