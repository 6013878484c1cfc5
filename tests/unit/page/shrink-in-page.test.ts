import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImageInPage } from '../../../utils/page/fetch-in-page';
import { readHeldImageInPage } from '../../../utils/page/held-image';
import { jpegDecodeSize, planShrink, sameShape } from '../../../utils/page/shrink-in-page';
import { exifApp1, jpegHeader, pngHeader } from '../image/headers';

const limits = { maxSide: 2048, maxBytes: 3_750_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('planShrink: what a page does with a large image it holds', () => {
  it.each([
    [
      'a 12 MP photo over the side limit shrinks',
      jpegHeader(4000, 3000).done(),
      8_700_000,
      {
        kind: 'shrink',
        type: 'image/jpeg',
        full: { width: 4000, height: 3000 },
        size: { width: 2048, height: 1536 },
      },
    ],
    [
      'a portrait photo turned by EXIF shrinks upright',
      jpegHeader(4000, 3000, 0xc0, exifApp1(6)).done(),
      8_700_000,
      {
        kind: 'shrink',
        type: 'image/jpeg',
        full: { width: 3000, height: 4000 },
        size: { width: 1536, height: 2048 },
      },
    ],
    [
      'a photo within the side limit but over the byte cap is re-encoded at its own size',
      jpegHeader(1600, 1200).done(),
      5_000_000,
      {
        kind: 'shrink',
        type: 'image/jpeg',
        full: { width: 1600, height: 1200 },
        size: { width: 1600, height: 1200 },
      },
    ],
    ['a photo that fits goes whole', jpegHeader(1600, 1200).done(), 2_000_000, { kind: 'whole' }],
    [
      'a PNG goes whole (normalize picks PNG or JPEG)',
      pngHeader(3000, 2000).done(),
      5e6,
      { kind: 'whole' },
    ],
    ['a pixel bomb is not decoded', jpegHeader(20_000, 20_000).done(), 5e6, { kind: 'bomb' }],
    ['bytes of no known type go whole', new Uint8Array(64), 5e6, { kind: 'whole' }],
  ])('%s', (_name, head, size, plan) => {
    expect(planShrink(head, size, limits)).toEqual(plan);
  });
});

describe('jpegDecodeSize: the next eighth at or above the size sent', () => {
  it.each([
    [
      [4000, 3000],
      [2048, 1536],
      [2500, 1875],
    ],
    [
      [3000, 4000],
      [1536, 2048],
      [1875, 2500],
    ],
    [
      [4000, 3000],
      [2000, 1500],
      [2000, 1500],
    ],
    [
      [2100, 1400],
      [2048, 1365],
      [2100, 1400],
    ],
    [
      [1600, 1200],
      [1600, 1200],
      [1600, 1200],
    ],
    [
      [10000, 7],
      [2048, 1],
      [2500, 2],
    ],
  ])('%j → %j: decode at %j', ([fw, fh], [w, h], [dw, dh]) => {
    const decode = jpegDecodeSize(
      { width: fw as number, height: fh as number },
      { width: w as number, height: h as number },
    );
    expect(decode).toEqual({ width: dw, height: dh });
    expect(decode.width).toBeGreaterThanOrEqual(w as number);
    expect(decode.height).toBeGreaterThanOrEqual(h as number);
  });
});

describe('fetchImageInPage with a shrink request', () => {
  function serve(body: Uint8Array, headers: Record<string, string> = {}) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body as BodyInit, { status: 200, headers })),
    );
  }
  const shrink = { maxSide: 2048, maxBytes: 3_750_000, quality: 0.85 };

  it('a photo the page cannot decode is held instead, whole, for Iris to say why', async () => {
    // happy-dom has neither ImageDecoder nor createImageBitmap: the shrink fails.
    const photo = new Uint8Array(5000);
    photo.set(jpegHeader(4000, 3000).done());
    serve(photo);
    const got = await fetchImageInPage('https://x.test/p.jpg', 1e6, 5000, 1000, shrink);
    if (!got.ok || !('held' in got)) throw new Error('expected the photo to be held');
    expect(got.held.size).toBe(5000);
    expect(got.held.shrinkFailed).toBe(true);
    const read = await readHeldImageInPage(got.held.id, null, 0.85);
    expect(read.ok && read.dataUrl.length).toBeGreaterThan(5000);
  });

  it('with too little time left for a shrink, the photo is held to be shrunk on request', async () => {
    const photo = new Uint8Array(5000);
    photo.set(jpegHeader(4000, 3000).done());
    serve(photo);
    const got = await fetchImageInPage('https://x.test/p.jpg', 1e6, 1500, 1000, shrink);
    if (!got.ok || !('held' in got)) throw new Error('expected the photo to be held');
    expect(got.held.shrinkFailed).toBeUndefined();
  });

  it('a body larger than its declared length is refused all the same', async () => {
    serve(new Uint8Array(3000), { 'content-length': '10' });
    const got = await fetchImageInPage('https://x.test/p.jpg', 2000, 5000, 1000, shrink);
    expect(got).toEqual({ ok: false, error: 'too large (over 0.002 MB)' });
  });

  it.each([
    ['same-origin, not compressed: read whole by the browser', 'basic', {}, true],
    ['compressed (a gzip bomb can declare 200 KB)', 'basic', { 'content-encoding': 'gzip' }, false],
    ["another site's answer (its encoding is hidden)", 'cors', {}, false],
  ])('%s', async (_name, type, headers, whole) => {
    const body = new Uint8Array(3000);
    const blob = vi.fn(async () => new Blob([body]));
    const answer = {
      ok: true,
      status: 200,
      type,
      headers: new Headers({ 'content-length': '1000', ...headers }),
      body: new Response(body).body,
      blob,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer),
    );
    const got = await fetchImageInPage('https://x.test/p.jpg', 2000, 5000, 0, shrink);
    expect(blob).toHaveBeenCalledTimes(whole ? 1 : 0);
    // Read either way, and refused either way past the cap.
    expect(got).toEqual({ ok: false, error: 'too large (over 0.002 MB)' });
  });

  it('a declared length over the limit is refused before the body is read', async () => {
    serve(new Uint8Array(10), { 'content-length': '3000' });
    const got = await fetchImageInPage('https://x.test/p.jpg', 2000, 5000, 1000, shrink);
    expect(got).toEqual({ ok: false, error: 'too large (over 0.002 MB)' });
  });
});

describe("sameShape: a decoded frame is used only with the photo's own shape", () => {
  it.each([
    [2500, 1875, { width: 4000, height: 3000 }, true],
    [1875, 2500, { width: 3000, height: 4000 }, true],
    [2, 1, { width: 10000, height: 7 }, false],
    [1250, 1, { width: 10000, height: 7 }, false],
    [1536, 2048, { width: 4000, height: 3000 }, false],
    [2048, 1365, { width: 3000, height: 2000 }, true],
  ])('%i × %i for %j: %s', (width, height, size, same) => {
    expect(sameShape(width, height, size)).toBe(same);
  });
});
