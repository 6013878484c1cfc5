import { type Dimensions, fitWithin, MAX_PIXELS, readDimensions } from '../image/dimensions';
import { sniffImageType } from '../image/sniff';

/** Photos a page may shrink itself: normalize would re-encode them as JPEG anyway. */
const SHRINKABLE: readonly string[] = ['image/jpeg', 'image/webp'];

export interface Shrink {
  type: string;
  /** The photo's size as shown (EXIF orientation applied, as dimensions.ts reads it). */
  full: Dimensions;
  size: Dimensions;
}

export type ShrinkPlan =
  /** Too many pixels to decode: the header is enough for normalize to refuse it. */
  | { kind: 'bomb' }
  /** A photo larger than it will be sent: shown at `full`, sent at `size`, as JPEG. */
  | ({ kind: 'shrink' } & Shrink)
  /** Anything else goes whole (normalize decides). */
  | { kind: 'whole' };

/**
 * What to do with image bytes held in a page, from their first bytes (`head`) and their
 * length: the same rules as normalize's, so a photo the page shrank is sent as it is.
 */
export function planShrink(
  head: Uint8Array,
  byteSize: number,
  limits: { maxSide: number; maxBytes: number },
): ShrinkPlan {
  const type = sniffImageType(head);
  const size = type && readDimensions(head, type);
  if (!type || !size) return { kind: 'whole' };
  if (size.width * size.height > MAX_PIXELS) return { kind: 'bomb' };
  const fits = byteSize <= limits.maxBytes && Math.max(size.width, size.height) <= limits.maxSide;
  if (fits || !SHRINKABLE.includes(type)) return { kind: 'whole' };
  return {
    kind: 'shrink',
    type,
    full: size,
    size: fitWithin(size.width, size.height, limits.maxSide),
  };
}

interface Decoded {
  source: CanvasImageSource;
  close(): void;
}

/**
 * Decodes a photo and encodes it as JPEG at `size`, inside the page that holds its bytes.
 * WebCodecs' `ImageDecoder` decodes a JPEG straight at n/8 of its size (libjpeg skips the
 * detail): asked for the next eighth above `size`, a 12 MP photo decodes in about half the
 * time `createImageBitmap` takes to decode it whole and resize, and the canvas only shrinks
 * it the rest of the way. A page without it (it needs a secure context; older browsers)
 * resizes with `createImageBitmap`. Both apply the EXIF orientation, as `full` and `size` do.
 */
export async function shrinkPhotoInPage(
  blob: Blob,
  shrink: Shrink,
  quality: number,
): Promise<Blob> {
  const { width, height } = shrink.size;
  const decoded = await decodeNear(blob, shrink);
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in the page');
    // JPEG has no transparency: transparent pixels on white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(decoded.source, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality });
  } finally {
    decoded.close();
  }
}

/**
 * The size to ask a JPEG decoder for: the smallest n/8 of the full size (rounded up, as
 * libjpeg does) not smaller than `size`. Chrome picks the largest eighth whose pixel count
 * fits the one asked for.
 */
export function jpegDecodeSize(full: Dimensions, size: Dimensions): Dimensions {
  const eighths = Math.min(8, Math.ceil((8 * size.width) / full.width));
  return {
    width: Math.ceil((full.width * eighths) / 8),
    height: Math.ceil((full.height * eighths) / 8),
  };
}

/** Whether width × height has the shape of `size` (within rounding to eighths). */
export function sameShape(width: number, height: number, size: Dimensions): boolean {
  return Math.abs(width / height - size.width / size.height) <= 0.02 * (size.width / size.height);
}

async function decodeNear(blob: Blob, shrink: Shrink): Promise<Decoded> {
  if (typeof ImageDecoder === 'function') {
    let decoder: ImageDecoder | undefined;
    try {
      // Other formats decode whole (no scaled decoding to ask for).
      const desired =
        shrink.type === 'image/jpeg' ? jpegDecodeSize(shrink.full, shrink.size) : undefined;
      decoder = new ImageDecoder({
        data: blob.stream(),
        type: shrink.type,
        ...(desired ? { desiredWidth: desired.width, desiredHeight: desired.height } : {}),
      });
      const { image } = await decoder.decode();
      const done = decoder;
      // Chrome reads the size asked for as a pixel count and keeps the photo's shape; a
      // decoder that stretched it (to the size asked, turned the other way) is not used.
      if (!sameShape(image.displayWidth, image.displayHeight, shrink.full)) {
        image.close();
        throw new Error('decoded out of shape');
      }
      return {
        source: image,
        close: () => {
          image.close();
          done.close();
        },
      };
    } catch {
      // A type or file this decoder refuses: createImageBitmap has the last word.
      decoder?.close();
    }
  }
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: shrink.size.width,
    resizeHeight: shrink.size.height,
    resizeQuality: 'high',
  });
  return { source: bitmap, close: () => bitmap.close() };
}

/** A blob as a data: URL (what an `executeScript` result can carry). */
export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}
