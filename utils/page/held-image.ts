import { messageOf } from '../errors';
import { readAsDataUrl, type Shrink, shrinkPhotoInPage } from './shrink-in-page';

/**
 * Injected on demand into the frame where fetchImageInPage held a large image: hands it over
 * shrunk (shrinkPhotoInPage) or whole. Either way the frame lets go of it. Runs in a page
 * script (page-image.js), in the same isolated world that keeps the image between the calls.
 */
export async function readHeldImageInPage(
  id: string,
  shrink: Shrink | null,
  quality: number,
): Promise<{ ok: true; dataUrl: string } | { ok: false; error: string }> {
  const blob = takeHeldImage(id);
  if (!blob) return { ok: false, error: 'the page no longer holds the image' };
  try {
    const out = shrink ? await shrinkPhotoInPage(blob, shrink, quality) : blob;
    return { ok: true, dataUrl: await readAsDataUrl(out) };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Lets go of a held image without reading it (e.g. its header showed a pixel bomb). */
export function dropHeldImageInPage(id: string): void {
  takeHeldImage(id);
}

function takeHeldImage(id: string): Blob | undefined {
  const held = (globalThis as { irisHeldImages?: Map<string, Blob> }).irisHeldImages;
  const blob = held?.get(id);
  held?.delete(id);
  return blob;
}
