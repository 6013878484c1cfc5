/**
 * Injected on demand into the frame where fetchImageInPage held a large image: hands it over
 * decoded at `size` (the browser resizes while decoding) and encoded as JPEG, or, without a
 * size, whole. Either way the frame lets go of it. Runs in a page script (page-image.js), in
 * the same isolated world that keeps the image between the two calls.
 */
export async function readHeldImageInPage(
  id: string,
  size: { width: number; height: number } | null,
  quality: number,
): Promise<{ ok: true; dataUrl: string } | { ok: false; error: string }> {
  const blob = takeHeldImage(id);
  if (!blob) return { ok: false, error: 'the page no longer holds the image' };
  try {
    let out = blob;
    if (size) {
      const bitmap = await createImageBitmap(blob, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      });
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (!context) return { ok: false, error: 'no 2D canvas in the page' };
      // JPEG has no transparency: transparent pixels on white, not black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      out = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    // A few hundred KB once shrunk: the reader is quick enough, and in every browser.
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(out);
    });
    return { ok: true, dataUrl };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
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
