import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImageInPage } from '../../../utils/page/fetch-in-page';
import { dropHeldImageInPage, readHeldImageInPage } from '../../../utils/page/held-image';

/** The page's fetch answering each URL with its own bytes. */
function serve(files: Record<string, Uint8Array>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => new Response(files[url] as BodyInit, { status: 200 })),
  );
}

const bytesOf = (dataUrl: string) =>
  new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('images held in the page', () => {
  it('two large images fetched at once are held apart: each read gets its own bytes', async () => {
    const a = new Uint8Array(3000).fill(1);
    const b = new Uint8Array(4000).fill(2);
    serve({ 'https://x.test/a.jpg': a, 'https://x.test/b.jpg': b });
    const [first, second] = await Promise.all([
      fetchImageInPage('https://x.test/a.jpg', 1e6, 5000, 1000),
      fetchImageInPage('https://x.test/b.jpg', 1e6, 5000, 1000),
    ]);
    if (!first.ok || !second.ok || !('held' in first) || !('held' in second))
      throw new Error('expected two held images');
    expect(first.held.id).not.toBe(second.held.id);
    expect([first.held.size, second.held.size]).toEqual([3000, 4000]);
    // Read in the other order: still each its own.
    const readB = await readHeldImageInPage(second.held.id, null, 0.85);
    const readA = await readHeldImageInPage(first.held.id, null, 0.85);
    if (!readA.ok || !readB.ok) throw new Error('expected both reads to succeed');
    expect(bytesOf(readA.dataUrl)).toEqual(a);
    expect(bytesOf(readB.dataUrl)).toEqual(b);
    // Read once: the frame has let go of it.
    expect(await readHeldImageInPage(first.held.id, null, 0.85)).toEqual({
      ok: false,
      error: 'the page no longer holds the image',
    });
  });

  it('a dropped image is gone; a small image or holdAbove 0 is never held', async () => {
    serve({
      'https://x.test/big.png': new Uint8Array(5000),
      'https://x.test/s.png': new Uint8Array(10),
    });
    const big = await fetchImageInPage('https://x.test/big.png', 1e6, 5000, 1000);
    if (!big.ok || !('held' in big)) throw new Error('expected a held image');
    dropHeldImageInPage(big.held.id);
    expect((await readHeldImageInPage(big.held.id, null, 0.85)).ok).toBe(false);
    const small = await fetchImageInPage('https://x.test/s.png', 1e6, 5000, 1000);
    expect(small.ok && 'dataUrl' in small).toBe(true);
    const never = await fetchImageInPage('https://x.test/big.png', 1e6, 5000, 0);
    expect(never.ok && 'dataUrl' in never).toBe(true);
  });
});
