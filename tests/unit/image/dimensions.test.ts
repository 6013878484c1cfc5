import { describe, expect, it } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { readDimensions } from '../../../utils/image/dimensions';
import { assertNotPixelBomb } from '../../../utils/image/normalize';
import { type SniffedType, sniffImageType } from '../../../utils/image/sniff';
import {
  avifHeader,
  Bytes,
  bmpHeader,
  exifApp1,
  gifHeader,
  icoFile,
  jpegHeader,
  pngHeader,
  tiffHeader,
  webpVp8,
  webpVp8l,
  webpVp8x,
} from './headers';

describe('readDimensions', () => {
  it.each<[string, Uint8Array, [number, number] | undefined]>([
    ['png', pngHeader(400, 300).done(), [400, 300]],
    ['png 30000 × 30000', pngHeader(30000, 30000).done(), [30000, 30000]],
    ['jpeg baseline (SOF0) after DHT and a fill byte', jpegHeader(640, 480).done(), [640, 480]],
    ['jpeg progressive (SOF2)', jpegHeader(4000, 3000, 0xc2).done(), [4000, 3000]],
    ['jpeg lossless (SOF3)', jpegHeader(12, 34, 0xc3).done(), [12, 34]],
    ['jpeg arithmetic (SOF9)', jpegHeader(99, 77, 0xc9).done(), [99, 77]],
    // A camera's portrait photo: stored 4000 × 3000, shown 3000 × 4000.
    ['jpeg turned by EXIF (6)', jpegHeader(4000, 3000, 0xc0, exifApp1(6)).done(), [3000, 4000]],
    ['jpeg turned by EXIF (8, "II")', jpegHeader(40, 30, 0xc0, exifApp1(8, true)).done(), [30, 40]],
    ['jpeg upside down by EXIF (3)', jpegHeader(40, 30, 0xc0, exifApp1(3)).done(), [40, 30]],
    ['jpeg with EXIF orientation 1', jpegHeader(40, 30, 0xc0, exifApp1(1, true)).done(), [40, 30]],
    [
      'jpeg with a damaged EXIF block (IFD offset past the end)',
      jpegHeader(
        40,
        30,
        0xc0,
        new Bytes().u8(0xff, 0xe1).u16be(16).ascii('Exif\0\0MM').u16be(42).u32be(99999).done(),
      ).done(),
      [40, 30],
    ],
    ['gif', gifHeader(320, 200).done(16), [320, 200]],
    ['webp lossy (VP8)', webpVp8(1024, 768).done(), [1024, 768]],
    ['webp lossless (VP8L)', webpVp8l(16383, 2).done(), [16383, 2]],
    ['webp extended (VP8X)', webpVp8x(20000, 10000).done(), [20000, 10000]],
    ['bmp', bmpHeader(640, 480).done(), [640, 480]],
    ['bmp top-down (negative height)', bmpHeader(640, -480).done(), [640, 480]],
    ['bmp OS/2 core header', bmpHeader(64, 32, 12).done(32), [64, 32]],
    [
      'ico: the largest entry, 0 meaning 256',
      icoFile([
        [16, 16],
        [0, 0],
        [48, 48],
      ]).done(),
      [256, 256],
    ],
    ['avif (ispe)', avifHeader(8000, 6000).done(), [8000, 6000]],
    ['tiff little-endian', tiffHeader(300, 200, true).done(), [300, 200]],
    ['tiff big-endian', tiffHeader(300, 70000, false).done(), [300, 70000]],
    ['truncated png', pngHeader(1, 1).done().subarray(0, 18), undefined],
    ['truncated jpeg (no frame header yet)', jpegHeader(10, 10).done().subarray(0, 40), undefined],
    [
      'jpeg with scan data before any frame',
      new Bytes().u8(0xff, 0xd8, 0xff, 0xda).done(8),
      undefined,
    ],
    ['png with 0 width', pngHeader(0, 10).done(), undefined],
  ])('%s', (_name, bytes, expected) => {
    const type = sniffImageType(bytes) as SniffedType;
    expect(type).toBeDefined();
    const dims = readDimensions(bytes, type);
    expect(dims && [dims.width, dims.height]).toEqual(expected);
  });

  it('reads an ICO entry stored as PNG from its own header', () => {
    const png = pngHeader(512, 512).done();
    const ico = icoFile([[0, 0]]).done();
    // Point the entry's data offset at the PNG that follows the directory.
    new DataView(ico.buffer).setUint32(6 + 12, ico.length, true);
    const bytes = new Uint8Array([...ico, ...png]);
    expect(readDimensions(bytes, 'image/x-icon')).toEqual({ width: 512, height: 512 });
  });

  it('has no header size for SVG (sized from its attributes instead)', () => {
    const svg = new TextEncoder().encode('<svg width="10" height="10"></svg>');
    expect(readDimensions(svg, 'image/svg+xml')).toBeUndefined();
  });
});

describe('readDimensions: EXIF orientation as Chromium applies it', () => {
  const patched = (app1: Uint8Array, at: number, ...values: number[]) => {
    const copy = app1.slice();
    copy.set(values, at);
    return copy;
  };
  const both = (...blocks: Uint8Array[]) => {
    const all = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const block of blocks) {
      all.set(block, at);
      at += block.length;
    }
    return all;
  };
  it.each<[string, Uint8Array, [number, number]]>([
    [
      'the first EXIF block counts (6, then 1)',
      jpegHeader(40, 30, 0xc0, both(exifApp1(6), exifApp1(1))).done(),
      [30, 40],
    ],
    [
      'the first EXIF block counts (1, then 6)',
      jpegHeader(40, 30, 0xc0, both(exifApp1(1), exifApp1(6))).done(),
      [40, 30],
    ],
    [
      'an EXIF block after the frame header',
      both(jpegHeader(40, 30).done(), exifApp1(6)),
      [30, 40],
    ],
    [
      'an orientation that is not one SHORT is ignored',
      jpegHeader(40, 30, 0xc0, patched(exifApp1(6), 22, 0, 4)).done(),
      [40, 30],
    ],
    [
      'a byte order that is neither II nor MM is ignored',
      jpegHeader(40, 30, 0xc0, patched(exifApp1(6), 10, 0x58, 0x58)).done(),
      [40, 30],
    ],
    [
      'a TIFF header without 42 is ignored',
      jpegHeader(40, 30, 0xc0, patched(exifApp1(6), 13, 41)).done(),
      [40, 30],
    ],
  ])('%s', (_name, bytes, [width, height]) => {
    expect(readDimensions(bytes, 'image/jpeg')).toEqual({ width, height });
  });
});

describe('assertNotPixelBomb', () => {
  it.each([
    [10_000, 10_000, true],
    [10_001, 10_000, false],
    [30_000, 30_000, false],
    [1, 100_000_000, true],
  ])('%i × %i allowed: %s', (width, height, allowed) => {
    const check = () => assertNotPixelBomb({ width, height });
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(IrisError);
  });

  it('says the size and the limit', () => {
    try {
      assertNotPixelBomb({ width: 30000, height: 30000 });
      expect.unreachable();
    } catch (error) {
      expect((error as IrisError).code).toBe('image-too-large');
      expect((error as IrisError).message).toBe(
        'The image is 30000 × 30000 pixels — too large to process (limit 100 megapixels).',
      );
    }
  });
});
