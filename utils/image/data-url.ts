import { IrisError } from '../errors';

/** Base64 of bytes, in slices so that big images do not overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

export function toDataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${bytesToBase64(bytes)}`;
}

/** Parses a `data:` URL into its bytes; the declared type is not trusted (sniffed later). */
export function parseDataUrl(url: string): Uint8Array {
  const match = /^data:([^,]*?),(.*)$/s.exec(url);
  if (!match) throw new IrisError('unsupported-image', 'The data: URL is malformed.');
  const meta = match[1] ?? '';
  const payload = match[2] ?? '';
  try {
    if (/;base64$/i.test(meta)) {
      const binary = atob(payload.replace(/\s+/g, ''));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    return new TextEncoder().encode(decodeURIComponent(payload));
  } catch (cause) {
    throw new IrisError('unsupported-image', 'The data: URL is malformed.', {}, { cause });
  }
}
