import { IrisError } from '../errors';
import { toDataUrl } from './data-url';
import { API_IMAGE_TYPES, describeNonImage, sniffImageType } from './sniff';

/** Encoded bytes stay under this (≈ 5 MB once base64-encoded), the strictest provider cap. */
export const MAX_IMAGE_BYTES = 3_750_000;

export interface NormalizedImage {
  dataUrl: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  /** The decoded original, kept in memory only, for making a preview after the request left. */
  original?: { blob: Blob; width: number; height: number };
}

export interface NormalizeOptions {
  maxSide: number;
  maxBytes?: number;
}

/**
 * Makes bytes fit for the API: the real type sniffed; formats the API does not take are
 * converted; images larger than `maxSide` or the byte cap are downscaled and re-encoded.
 */
export async function normalizeImage(
  bytes: Uint8Array,
  options: NormalizeOptions,
): Promise<NormalizedImage> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  const type = sniffImageType(bytes);
  if (!type) {
    throw new IrisError(
      'unsupported-image',
      `This is not an image Iris can read: ${describeNonImage(bytes)}.`,
    );
  }
  const blob = new Blob([bytes as BlobPart], { type });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (cause) {
    throw new IrisError(
      'unsupported-image',
      'The image is damaged or in a format this browser cannot decode.',
      {},
      { cause },
    );
  }
  const { width, height } = bitmap;
  bitmap.close();
  const original = { blob, width, height };
  const fits =
    API_IMAGE_TYPES.includes(type) &&
    bytes.length <= maxBytes &&
    Math.max(width, height) <= options.maxSide;
  if (fits)
    return {
      dataUrl: toDataUrl(type, bytes),
      mime: type,
      bytes: bytes.length,
      width,
      height,
      original,
    };
  return { ...(await reencode(blob, type, width, height, options.maxSide, maxBytes)), original };
}

async function reencode(
  blob: Blob,
  type: string,
  width: number,
  height: number,
  maxSide: number,
  maxBytes: number,
): Promise<NormalizedImage> {
  let side = Math.min(maxSide, Math.max(width, height));
  // Lossless sources (screenshots, diagrams) try PNG first; photos go as JPEG.
  const preferPng = type === 'image/png' || type === 'image/gif' || type === 'image/bmp';
  for (let attempt = 0; attempt < 4; attempt++) {
    const scale = side / Math.max(width, height);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const out = await encode(blob, w, h, preferPng && attempt === 0 ? 'image/png' : 'image/jpeg');
    if (out.size <= maxBytes) {
      const bytes = new Uint8Array(await out.arrayBuffer());
      return {
        dataUrl: toDataUrl(out.type, bytes),
        mime: out.type,
        bytes: bytes.length,
        width: w,
        height: h,
      };
    }
    if (!(preferPng && attempt === 0)) side = Math.round(side * 0.75);
  }
  throw new IrisError('image-too-large', 'The image is too large to send, even after shrinking.');
}

/** Decodes at the target size (decode-time resizing) and encodes to `mime`. */
export async function encode(
  blob: Blob,
  width: number,
  height: number,
  mime: string,
  quality = 0.85,
): Promise<Blob> {
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new IrisError('internal', 'No 2D canvas is available.');
  if (mime === 'image/jpeg') {
    // JPEG has no transparency: put transparent pixels on white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: mime, quality });
}

/** A small preview (long side ≤ `side`) for the popup, decoded at that size. */
export async function makeThumbnail(
  blob: Blob,
  width: number,
  height: number,
  side = 160,
): Promise<string> {
  const scale = Math.min(1, side / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const out = await encode(blob, w, h, 'image/jpeg', 0.7);
  return toDataUrl('image/jpeg', new Uint8Array(await out.arrayBuffer()));
}
