import { describe, expect, it, vi } from 'vitest';
import { toDataUrl } from '../../../utils/image/data-url';
import { readHeldImage } from '../../../utils/image/held-bytes';

const target = { tabId: 1, frameIds: [0] };

/** A JPEG header (SOI, then a SOF0 frame) as far as readDimensions reads it. */
function jpegHead(width: number, height: number): Uint8Array {
  const head = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255];
  return new Uint8Array([...head, width >> 8, width & 255, 3, ...new Array(9).fill(0)]);
}

/** A PNG signature and IHDR chunk. */
function pngHead(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}
const answer = new Uint8Array([1, 2, 3]);

/**
 * A page that answers readHeldImageInPage with `answer` (a page-script call: the file is
 * injected, then the function called); the spy shows what it was asked.
 */
function page() {
  return vi.fn(async (injection: { files?: string[] }) =>
    injection.files
      ? []
      : [{ frameId: 0, result: { ok: true, dataUrl: toDataUrl('image/jpeg', answer) } }],
  );
}

/** A JPEG/PNG header as the page sends it, claiming `width` × `height` and `size` bytes. */
function held(bytes: Uint8Array, size = 5_000_000) {
  return { id: 'held-1', size, head: toDataUrl('application/octet-stream', bytes) };
}

describe('readHeldImage', () => {
  it.each([
    [
      'a photo over the side limit shrinks in the page',
      jpegHead(3000, 2000),
      2048,
      5e6,
      {
        type: 'image/jpeg',
        full: { width: 3000, height: 2000 },
        size: { width: 2048, height: 1365 },
      },
    ],
    [
      'a photo over the byte cap is re-encoded in the page at its own size (it fits the side limit)',
      jpegHead(1600, 1200),
      2048,
      5e6,
      {
        type: 'image/jpeg',
        full: { width: 1600, height: 1200 },
        size: { width: 1600, height: 1200 },
      },
    ],
    ['a photo that fits comes whole', jpegHead(1600, 1200), 2048, 2e6, null],
    ['a PNG comes whole (normalize chooses PNG or JPEG)', pngHead(3000, 2000), 2048, 5e6, null],
  ])('%s', async (_name, bytes, maxSide, size, expected) => {
    const executeScript = page();
    const out = await readHeldImage(held(bytes, size), target, maxSide, executeScript as never);
    expect(out).toEqual(answer);
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({
        target,
        args: ['readHeldImageInPage', ['held-1', expected, 0.85]],
      }),
    );
  });

  it('a photo the page could not shrink is read whole (normalize says what is wrong)', async () => {
    const executeScript = page();
    const photo = { ...held(jpegHead(3000, 2000)), shrinkFailed: true as const };
    await readHeldImage(photo, target, 2048, executeScript as never);
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ args: ['readHeldImageInPage', ['held-1', null, 0.85]] }),
    );
  });

  it('a pixel bomb: the header is enough to refuse it, and the frame drops the rest', async () => {
    const jpeg = jpegHead(20_000, 20_000);
    const executeScript = page();
    const out = await readHeldImage(held(jpeg), target, 2048, executeScript as never);
    expect(out).toEqual(jpeg);
    const calls = executeScript.mock.calls.map(([i]) => (i as { args?: unknown[] }).args);
    expect(calls).toContainEqual(['dropHeldImageInPage', ['held-1']]);
    expect(calls.some((args) => args?.[0] === 'readHeldImageInPage')).toBe(false);
  });

  it('fails with the page’s reason', async () => {
    const executeScript = vi.fn(async () => [
      { frameId: 0, result: { ok: false, error: 'the page no longer holds the image' } },
    ]);
    await expect(
      readHeldImage(held(jpegHead(3000, 2000)), target, 2048, executeScript as never),
    ).rejects.toThrow(/no longer holds/);
  });
});
