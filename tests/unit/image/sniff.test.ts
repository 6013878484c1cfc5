import { describe, expect, it } from 'vitest';
import { explainNonImage } from '../../../utils/image/normalize';
import { sniffImageType } from '../../../utils/image/sniff';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );
const pad = (b: Uint8Array, length = 64) => {
  const out = new Uint8Array(Math.max(length, b.length));
  out.set(b);
  return out;
};

describe('sniffImageType', () => {
  it.each([
    ['png', pad(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a)), 'image/png'],
    ['jpeg', pad(bytes(0xff, 0xd8, 0xff, 0xe0)), 'image/jpeg'],
    ['gif87a', pad(bytes('GIF87a')), 'image/gif'],
    ['gif89a', pad(bytes('GIF89a')), 'image/gif'],
    ['webp', pad(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')), 'image/webp'],
    ['avif', pad(bytes(0, 0, 0, 0x1c, 'ftypavif')), 'image/avif'],
    ['bmp', pad(bytes('BM')), 'image/bmp'],
    ['ico', pad(bytes(0, 0, 1, 0, 1, 0)), 'image/x-icon'],
    ['tiff (II)', pad(bytes(0x49, 0x49, 0x2a, 0)), 'image/tiff'],
    ['tiff (MM)', pad(bytes(0x4d, 0x4d, 0, 0x2a)), 'image/tiff'],
    [
      'svg',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      'image/svg+xml',
    ],
    [
      'svg with prolog',
      new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE svg>\n<svg>'),
      'image/svg+xml',
    ],
    ['html', new TextEncoder().encode('<!doctype html><html></html>'), undefined],
    ['empty', new Uint8Array(0), undefined],
    ['text', new TextEncoder().encode('hello world'), undefined],
    ['truncated png', bytes(0x89, 'PN'), undefined],
  ])('%s', (_name, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });

  it('names what a non-image is', () => {
    expect(explainNonImage(new Uint8Array())).toBe('This file is empty (0 bytes).');
    expect(explainNonImage(new TextEncoder().encode('<!DOCTYPE html><p>'))).toBe(
      'This is a web page, not an image.',
    );
    expect(explainNonImage(new TextEncoder().encode('zzz'))).toMatch(/match no image format/);
  });
});
