import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { readDimensions } from '../../../utils/image/dimensions';
import { explainNonImage } from '../../../utils/image/normalize';
import { type SniffedType, sniffImageType } from '../../../utils/image/sniff';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Each format's signature: bytes at the start, then a tail of any bytes. */
const SIGNATURES: [SniffedType, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', ascii('GIF87a')],
  ['image/gif', ascii('GIF89a')],
  ['image/tiff', [0x49, 0x49, 0x2a, 0]],
  ['image/tiff', [0x4d, 0x4d, 0, 0x2a]],
];

const ALL_TYPES: SniffedType[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/tiff',
  'image/svg+xml',
];

const withTail = (head: number[], tail: Uint8Array) => new Uint8Array([...head, ...tail]);

describe('sniffImageType (property)', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const type = sniffImageType(bytes);
        expect(type === undefined || ALL_TYPES.includes(type)).toBe(true);
        expect(typeof explainNonImage(bytes)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it.each(SIGNATURES)('%s signature + any tail is %s', (type, head) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
        expect(sniffImageType(withTail(head, tail))).toBe(type);
      }),
    );
  });

  it('RIFF….WEBP + any tail is WebP; ftyp avif/avis is AVIF', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.constantFrom('avif', 'avis'),
        fc.uint8Array({ maxLength: 256 }),
        (size, brand, tail) => {
          const webp = withTail([...ascii('RIFF'), ...size, ...ascii('WEBP')], tail);
          expect(sniffImageType(webp)).toBe('image/webp');
          const avif = withTail([...size, ...ascii('ftyp'), ...ascii(brand)], tail);
          expect(sniffImageType(avif)).toBe('image/avif');
        },
      ),
    );
  });

  it('BM and ICO headers with enough bytes classify right', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 30, maxLength: 256 }), (tail) => {
        expect(sniffImageType(withTail(ascii('BM'), tail))).toBe('image/bmp');
        expect(sniffImageType(withTail([0, 0, 1, 0], tail))).toBe('image/x-icon');
      }),
    );
  });

  it('an <svg> root after any whitespace, BOM, prolog or comment is SVG', () => {
    const prolog = fc.constantFrom(
      '',
      '\uFEFF',
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- a comment -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(prolog, fc.constantFrom('', ' ', '\n', '\t\r\n')), { maxLength: 4 }),
        fc.constantFrom(' ', '>', '\n'),
        fc.string({ maxLength: 200 }),
        (prologs, after, rest) => {
          const text = `${prologs.map(([p, ws]) => p + ws).join('')}<svg${after}${rest}`;
          // A BOM only counts at the very start.
          fc.pre(!text.slice(1).includes('\uFEFF'));
          expect(sniffImageType(new TextEncoder().encode(text))).toBe('image/svg+xml');
        },
      ),
    );
  });
});

describe('readDimensions (property)', () => {
  it('never throws anything but an IrisError on arbitrary bytes, for any type', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1024 }),
        fc.constantFrom(...ALL_TYPES),
        (bytes, type) => {
          try {
            const size = readDimensions(bytes, type);
            if (size) {
              expect(size.width).toBeGreaterThan(0);
              expect(size.height).toBeGreaterThan(0);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(IrisError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a real signature with a random tail never throws anything but an IrisError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGNATURES),
        fc.uint8Array({ maxLength: 1024 }),
        ([type, head], tail) => {
          try {
            readDimensions(withTail(head, tail), type);
          } catch (error) {
            expect(error).toBeInstanceOf(IrisError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
