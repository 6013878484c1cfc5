import { IrisError } from '../errors';
import { t } from '../i18n';
import { toDataUrl } from './data-url';
import { fitWithin } from './dimensions';

export interface Encoded {
  blob: Blob;
  width: number;
  height: number;
}

export interface EncodeChoice {
  /** The source is lossless (screenshot, diagram, icon): PNG is tried as well as JPEG. */
  lossless: boolean;
  maxBytes: number;
}

/**
 * How much larger than the JPEG a PNG may be and still be chosen for a lossless source.
 * Chrome's PNG encoder is weak (a 2048 px screenshot with text: PNG 1.8 × the JPEG), and
 * the model's token cost depends on pixels, not bytes: crisp text is worth a bigger upload.
 */
const PNG_PREMIUM = 3;

/** The first JPEG quality tried: a photo at 2048 px stays well under the byte cap. */
export const JPEG_QUALITY = 0.85;

/**
 * Decodes `blob` at width × height: the browser resizes while decoding (decode-time
 * resizing), so a 50 MP photo is never held at full size in an extra canvas.
 */
export function decodeAt(blob: Blob, width: number, height: number): Promise<ImageBitmap> {
  return createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
}

async function draw(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  mime: string,
  quality: number,
) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new IrisError('internal', 'No 2D canvas is available.');
  if (mime === 'image/jpeg') {
    // JPEG has no transparency: put transparent pixels on white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: mime, quality });
}

/**
 * Encodes a decoded image under `maxBytes`: JPEG for photos; for lossless sources PNG when
 * it is not much larger than the JPEG (text and lines stay crisp, see PNG_PREMIUM). When even that is too
 * big, the image shrinks by a quarter per try.
 */
export async function encodeWithinCap(bitmap: ImageBitmap, choice: EncodeChoice): Promise<Encoded> {
  let width = bitmap.width;
  let height = bitmap.height;
  for (let attempt = 0; attempt < 6; attempt++) {
    const jpeg = await draw(
      bitmap,
      width,
      height,
      'image/jpeg',
      attempt === 0 ? JPEG_QUALITY : 0.8,
    );
    if (choice.lossless) {
      const png = await draw(bitmap, width, height, 'image/png', 1);
      if (png.size <= choice.maxBytes && png.size <= jpeg.size * PNG_PREMIUM)
        return { blob: png, width, height };
    }
    if (jpeg.size <= choice.maxBytes) return { blob: jpeg, width, height };
    width = Math.max(1, Math.round(width * 0.75));
    height = Math.max(1, Math.round(height * 0.75));
  }
  throw new IrisError('image-too-large', t('errorImageTooLarge'));
}

/** A small preview (long side ≤ `side`) for the popup, as a JPEG data URL. */
export async function makeThumbnail(
  blob: Blob,
  width: number,
  height: number,
  side = 160,
): Promise<string> {
  const size = fitWithin(width, height, side);
  const bitmap = await decodeAt(blob, size.width, size.height);
  try {
    return await thumbnailOf(bitmap, side);
  } finally {
    bitmap.close();
  }
}

/** The same preview from pixels already decoded (the caller closes the bitmap). */
export async function thumbnailOf(bitmap: ImageBitmap, side = 160): Promise<string> {
  const size = fitWithin(bitmap.width, bitmap.height, side);
  const out = await draw(bitmap, size.width, size.height, 'image/jpeg', 0.7);
  return toDataUrl('image/jpeg', new Uint8Array(await out.arrayBuffer()));
}
