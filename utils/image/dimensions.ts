/*
 * Pure header reading, no browser API: the page scripts use it too (shrink-in-page.ts).
 */
import type { SniffedType } from './sniff';

/** Decoding more pixels than this could exhaust memory (a "pixel bomb"): refused up front. */
export const MAX_PIXELS = 100_000_000;

export interface Dimensions {
  width: number;
  height: number;
}

type Reader = (bytes: Uint8Array, view: DataView) => Dimensions | undefined;

const READERS: Partial<Record<SniffedType, Reader>> = {
  'image/png': readPng,
  'image/jpeg': readJpeg,
  'image/gif': (_b, v) => sized(v.getUint16(6, true), v.getUint16(8, true)),
  'image/webp': readWebp,
  'image/bmp': readBmp,
  'image/x-icon': readIco,
  'image/avif': readAvif,
  'image/tiff': readTiff,
};

/**
 * Reads an image's size from its header, without decoding it. Undefined when the header is
 * missing or cut short (a damaged file) or the format has no reader (SVG).
 */
export function readDimensions(bytes: Uint8Array, type: SniffedType): Dimensions | undefined {
  const reader = READERS[type];
  if (!reader) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return reader(bytes, view);
  } catch (error) {
    // A RangeError from DataView: the header is truncated.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Width and height scaled so the long side is at most `maxSide` (never enlarged). */
export function fitWithin(width: number, height: number, maxSide: number): Dimensions {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

function sized(width: number, height: number): Dimensions | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readPng(bytes: Uint8Array, view: DataView, at = 0): Dimensions | undefined {
  // Signature (8), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (ascii(bytes, at + 12, 4) !== 'IHDR') return undefined;
  return sized(view.getUint32(at + 16), view.getUint32(at + 20));
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * A JPEG's size as shown: a camera's portrait photo is stored landscape with an EXIF
 * orientation of 5–8 (turned a quarter), which browsers apply when they decode it.
 */
function readJpeg(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  let offset = 2;
  let frame: Dimensions | undefined;
  // As Chromium: the first EXIF block that has an orientation counts, before or after the
  // frame header; the scan data ends the search.
  let orientation: number | undefined;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // EOI, or the scan data begins
    const end = offset + 2 + view.getUint16(offset + 2);
    if (!frame && isStartOfFrame(marker) && offset + 9 <= bytes.length)
      frame = { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    if (orientation === undefined && marker === 0xe1 && ascii(bytes, offset + 4, 6) === 'Exif\0\0')
      orientation = exifOrientation(view, offset + 10, Math.min(end, bytes.length));
    offset = end;
  }
  if (!frame) return undefined;
  const turned = orientation !== undefined && orientation >= 5 && orientation <= 8;
  return turned ? sized(frame.height, frame.width) : sized(frame.width, frame.height);
}

/**
 * The Orientation tag (0x0112, one SHORT) of IFD0 in the TIFF structure from `tiff` to
 * `end`, if it has a valid one; a damaged block says nothing about the turn.
 */
function exifOrientation(view: DataView, tiff: number, end: number): number | undefined {
  if (tiff + 8 > end) return undefined;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined; // "II" or "MM"
  const little = order === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return undefined;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count && ifd + 2 + (i + 1) * 12 <= end; i++) {
    const at = ifd + 2 + i * 12;
    if (view.getUint16(at, little) !== 0x0112) continue;
    const short = view.getUint16(at + 2, little) === 3 && view.getUint32(at + 4, little) === 1;
    return short ? view.getUint16(at + 8, little) : undefined;
  }
  return undefined;
}

function readWebp(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    // Frame tag (3), start code 9d 01 2a, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return sized(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return undefined;
    const bits = view.getUint32(21, true);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const uint24 = (at: number) => view.getUint16(at, true) | ((bytes[at + 2] ?? 0) << 16);
    return sized(uint24(24) + 1, uint24(27) + 1);
  }
  return undefined;
}

function readBmp(_bytes: Uint8Array, view: DataView): Dimensions | undefined {
  const headerSize = view.getUint32(14, true);
  // OS/2 BITMAPCOREHEADER has 16-bit sizes; every later header 32-bit, height negative when top-down.
  if (headerSize === 12) return sized(view.getUint16(18, true), view.getUint16(20, true));
  return sized(Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
}

function readIco(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  // Directory of entries (16 bytes each) after a 6-byte header; 0 means 256. The largest wins.
  const count = view.getUint16(4, true);
  let best: Dimensions | undefined;
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    const width = view.getUint8(at) || 256;
    const height = view.getUint8(at + 1) || 256;
    // A PNG-compressed entry may be larger than its directory says: read its own header.
    const dataOffset = view.getUint32(at + 12, true);
    const png = ascii(bytes, dataOffset + 1, 3) === 'PNG' && readPng(bytes, view, dataOffset);
    const entry = png || { width, height };
    if (!best || entry.width * entry.height > best.width * best.height) best = entry;
  }
  return best;
}

function readAvif(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  // The 'ispe' property (image spatial extent) of the item properties box: version/flags (4),
  // width (4), height (4). A grid image lists its tiles too: the largest extent is the image.
  let best: Dimensions | undefined;
  const end = Math.min(bytes.length - 16, 64 * 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] !== 0x69 || ascii(bytes, i, 4) !== 'ispe') continue;
    const entry = sized(view.getUint32(i + 8), view.getUint32(i + 12));
    if (entry && (!best || entry.width * entry.height > best.width * best.height)) best = entry;
  }
  return best;
}

function readTiff(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  const little = bytes[0] === 0x49;
  const ifd = view.getUint32(4, little);
  const count = view.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const tag = view.getUint16(at, little);
    const type = view.getUint16(at + 2, little);
    // SHORT (3) or LONG (4) values sit in the entry itself.
    const value = type === 3 ? view.getUint16(at + 8, little) : view.getUint32(at + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return sized(width, height);
}
