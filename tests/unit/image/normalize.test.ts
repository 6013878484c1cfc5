import { describe, expect, it, vi } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { normalizeImage } from '../../../utils/image/normalize';
import { markOwnEncode } from '../../../utils/image/own-encodes';
import { svgIntrinsicSize, svgRasterSize } from '../../../utils/image/svg-size';
import { pngHeader } from './headers';

const text = (s: string) => new TextEncoder().encode(s);

async function failure(bytes: Uint8Array): Promise<IrisError> {
  const decode = vi.fn(() => Promise.reject(new Error('should not decode')));
  vi.stubGlobal('createImageBitmap', decode);
  try {
    await normalizeImage(bytes, { maxSide: 2048 });
  } catch (error) {
    return error as IrisError;
  } finally {
    vi.unstubAllGlobals();
  }
  throw new Error('normalizeImage did not fail');
}

describe('normalizeImage refuses, before decoding, with a sentence for each case', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'unsupported-image', 'This file is empty (0 bytes).'],
    [
      'an HTML page',
      text('\n<!DOCTYPE html><html><body>Sign in</body></html>'),
      'unsupported-image',
      'This is a web page, not an image.',
    ],
    ['JSON', text('{"error":"nope"}'), 'unsupported-image', 'This is data (JSON), not an image.'],
    ['random bytes', text('hello world'), 'unsupported-image', /contents match no image format/],
    [
      'a PNG cut before its size',
      pngHeader(10, 10).done().subarray(0, 14),
      'unsupported-image',
      'The image is damaged: its PNG data is incomplete or corrupt.',
    ],
    [
      'a 30000 × 30000 PNG',
      pngHeader(30000, 30000).done(),
      'image-too-large',
      'The image is 30000 × 30000 pixels — too large to process (limit 100 megapixels).',
    ],
  ])('%s', async (_name, bytes, code, message) => {
    const error = await failure(bytes);
    expect(error).toBeInstanceOf(IrisError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('calls an intact header whose data does not decode damaged', async () => {
    vi.stubGlobal('createImageBitmap', () =>
      Promise.reject(new DOMException('bad', 'InvalidStateError')),
    );
    try {
      await expect(normalizeImage(pngHeader(10, 10).done(), { maxSide: 2048 })).rejects.toThrow(
        'The image is damaged: its PNG data is incomplete or corrupt.',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends an image it encoded itself (shrunk in the page) as it is, without a trial decode', async () => {
    const decode = vi.fn(() => Promise.reject(new Error('should not decode')));
    vi.stubGlobal('createImageBitmap', decode);
    try {
      const bytes = markOwnEncode(pngHeader(10, 10).done());
      const image = await normalizeImage(bytes, { maxSide: 2048 });
      expect(image).toMatchObject({ mime: 'image/png', width: 10, height: 10 });
      expect(decode).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws an SVG with the rasterizer it is given, at its own proportions', async () => {
    const rasterize = vi.fn(async () => 'data:image/png;base64,');
    await expect(
      normalizeImage(text('<svg viewBox="0 0 200 100"></svg>'), {
        maxSide: 2048,
        rasterizeSvg: rasterize,
      }),
    ).rejects.toThrow('This file is empty (0 bytes).');
    expect(rasterize).toHaveBeenCalledWith(expect.stringContaining('<svg'), 1024, 512);
  });
});

describe('svg sizes', () => {
  it.each<[string, [number, number] | undefined]>([
    ['<svg width="200" height="100">', [200, 100]],
    ['<svg width="2in" height="1in">', [192, 96]],
    ['<svg viewBox="0 0 50 25">', [50, 25]],
    ['<svg width="100%" height="100%" viewBox="0,0,300,150">', [300, 150]],
    ['<svg width="400" viewBox="0 0 200 100">', [400, 200]],
    ['<svg xmlns="http://www.w3.org/2000/svg">', undefined],
  ])('%s', (svg, expected) => {
    const size = svgIntrinsicSize(svg);
    expect(size && [size.width, size.height]).toEqual(expected);
  });

  it.each<[string, number, [number, number]]>([
    ['<svg width="24" height="24">', 2048, [1024, 1024]],
    ['<svg width="8000" height="2000">', 2048, [2048, 512]],
    ['<svg width="1e9" height="1e9">', 2048, [2048, 2048]],
    ['<svg>', 512, [512, 512]],
  ])('%s is drawn at the right size (max %i)', (svg, maxSide, expected) => {
    const size = svgRasterSize(svg, maxSide);
    expect([size.width, size.height]).toEqual(expected);
  });
});
