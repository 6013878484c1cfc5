import { describe, expect, it } from 'vitest';
import { bytesToBase64, parseDataUrl, toDataUrl } from '../../../utils/image/data-url';

describe('data URLs', () => {
  it('round-trips bytes through base64, also past the slice size', () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const url = toDataUrl('image/png', big);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(parseDataUrl(url)).toEqual(big);
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  it('uses the native codec where the runtime has one', () => {
    const proto = Uint8Array.prototype as { toBase64?: () => string };
    const ctor = Uint8Array as { fromBase64?: (text: string) => Uint8Array };
    proto.toBase64 = function (this: Uint8Array) {
      return `native:${Buffer.from(this).toString('base64')}`;
    };
    ctor.fromBase64 = (text) => new Uint8Array(Buffer.from(text.replace('native:', ''), 'base64'));
    try {
      const url = toDataUrl('image/png', new Uint8Array([104, 105]));
      expect(url).toBe('data:image/png;base64,native:aGk=');
      expect(parseDataUrl(url)).toEqual(new Uint8Array([104, 105]));
    } finally {
      delete proto.toBase64;
      delete ctor.fromBase64;
    }
  });

  it('reads percent-encoded (non-base64) data URLs', () => {
    expect(new TextDecoder().decode(parseDataUrl('data:image/svg+xml,%3Csvg%3E'))).toBe('<svg>');
  });

  it.each(['data:image/png;base64', 'data:image/png;base64,@@@', 'nodata'])(
    'refuses a malformed one: %s',
    (url) => {
      expect(() => parseDataUrl(url)).toThrow(/malformed/);
    },
  );
});
