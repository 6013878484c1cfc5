import { IrisError } from '../errors';
import { t } from '../i18n';
import { parseDataUrl, toDataUrl } from './data-url';
import { type Dimensions, fitWithin, MAX_PIXELS, readDimensions } from './dimensions';
import { decodeAt, encodeWithinCap } from './encode';
import { isOwnEncode } from './own-encodes';
import { API_IMAGE_TYPES, type SniffedType, sniffImageType } from './sniff';
import { rasterizeSvg, type SvgRasterizer } from './svg-rasterizer';
import { svgRasterSize } from './svg-size';

/** Encoded bytes stay under this (≈ 5 MB once base64-encoded), the strictest provider cap. */
export const MAX_IMAGE_BYTES = 3_750_000;

export interface NormalizedImage {
  dataUrl: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  /** The image as sent, kept in memory only, for making a preview after the request left. */
  original?: { blob: Blob; width: number; height: number };
}

export interface NormalizeOptions {
  maxSide: number;
  maxBytes?: number;
  rasterizeSvg?: SvgRasterizer;
}

const FORMAT_NAMES: Record<SniffedType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
  'image/bmp': 'BMP',
  'image/x-icon': 'ICO',
  'image/tiff': 'TIFF',
  'image/svg+xml': 'SVG',
};
const LOSSLESS: readonly SniffedType[] = [
  'image/png',
  'image/gif',
  'image/bmp',
  'image/x-icon',
  'image/tiff',
  'image/svg+xml',
];

/**
 * Makes bytes fit for the API: the real type sniffed; the size read from the header and
 * pixel bombs refused before anything decodes; formats the API does not take converted;
 * images larger than `maxSide` or the byte cap downscaled (while decoding) and re-encoded.
 * An image that already fits — an animated GIF too — goes as it is.
 */
export async function normalizeImage(
  bytes: Uint8Array,
  options: NormalizeOptions,
): Promise<NormalizedImage> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  const type = sniffOrExplain(bytes);
  if (type === 'image/svg+xml') return normalizeSvg(bytes, options);
  const size = readDimensions(bytes, type);
  if (!size) throw damaged(type);
  assertNotPixelBomb(size);
  const blob = new Blob([bytes as BlobPart], { type });
  const fits =
    API_IMAGE_TYPES.includes(type) &&
    bytes.length <= maxBytes &&
    Math.max(size.width, size.height) <= options.maxSide;
  // A photo the page just shrunk and encoded is intact: no trial decode (tens of ms).
  if (fits && isOwnEncode(bytes))
    return { ...asIs(type, bytes, size), original: { blob, ...size } };
  const target = fitWithin(size.width, size.height, options.maxSide);
  const bitmap = await decode(blob, type, fits ? size : target);
  try {
    if (fits) return { ...asIs(type, bytes, size), original: { blob, ...size } };
    const out = await encodeWithinCap(bitmap, { lossless: LOSSLESS.includes(type), maxBytes });
    const outBytes = new Uint8Array(await out.blob.arrayBuffer());
    return {
      dataUrl: toDataUrl(out.blob.type, outBytes),
      mime: out.blob.type,
      bytes: outBytes.length,
      width: out.width,
      height: out.height,
      original: out,
    };
  } finally {
    bitmap.close();
  }
}

function asIs(type: string, bytes: Uint8Array, size: Dimensions) {
  return { dataUrl: toDataUrl(type, bytes), mime: type, bytes: bytes.length, ...size };
}

/** The sniffed type, or an error that says what the bytes are instead. */
function sniffOrExplain(bytes: Uint8Array): SniffedType {
  const type = sniffImageType(bytes);
  if (type) return type;
  throw new IrisError('unsupported-image', explainNonImage(bytes));
}

function damaged(type: SniffedType): IrisError {
  return new IrisError('unsupported-image', t('imageDamaged', FORMAT_NAMES[type]));
}

async function decode(blob: Blob, type: SniffedType, size: Dimensions): Promise<ImageBitmap> {
  try {
    return await decodeAt(blob, size.width, size.height);
  } catch (cause) {
    // The API's own formats always decode when intact; for the others the browser may lack a decoder.
    const error = API_IMAGE_TYPES.includes(type)
      ? damaged(type)
      : new IrisError('unsupported-image', t('imageCannotDecode', FORMAT_NAMES[type]));
    throw Object.assign(error, { cause });
  }
}

/** SVG: drawn with a DOM at a size of its own proportions, then sent as the PNG it becomes. */
async function normalizeSvg(
  bytes: Uint8Array,
  options: NormalizeOptions,
): Promise<NormalizedImage> {
  const text = new TextDecoder().decode(bytes);
  const { width, height } = svgRasterSize(text, options.maxSide);
  let png: Uint8Array;
  try {
    png = parseDataUrl(await (options.rasterizeSvg ?? rasterizeSvg)(text, width, height));
  } catch (cause) {
    throw new IrisError('unsupported-image', t('imageSvgDamaged'), {}, { cause });
  }
  return normalizeImage(png, { ...options, rasterizeSvg: undefined });
}

/** Refuses images whose decoded pixels would not fit in memory, before anything decodes them. */
export function assertNotPixelBomb({ width, height }: Dimensions, maxPixels = MAX_PIXELS): void {
  if (width * height <= maxPixels) return;
  throw new IrisError('image-too-large', t('imagePixelBomb', [width, height, maxPixels / 1e6]));
}

/** One sentence saying what bytes that are not an image are instead, for the user. */
export function explainNonImage(bytes: Uint8Array): string {
  if (bytes.length === 0) return t('imageEmpty');
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body)/.test(head)) return t('imageIsWebPage');
  if (head.startsWith('{') || head.startsWith('[')) return t('imageIsJson');
  return t('imageUnknownFormat');
}
