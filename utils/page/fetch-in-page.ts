/**
 * Injected on demand into the clicked frame (`scripting.executeScript`): fetches the
 * image with the page's own cookies and origin, which is the only way to read blob: URLs
 * and images behind a login. Must stay self-contained: it is serialized into the page.
 */
export async function fetchImageInPage(
  url: string,
  maxBytes: number,
  holdAbove = Number.POSITIVE_INFINITY,
): Promise<
  | { ok: true; dataUrl: string }
  | { ok: true; held: { size: number; head: string } }
  | { ok: false; error: string }
> {
  try {
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'include', signal: AbortSignal.timeout(15_000) });
    } catch {
      // CDNs answer `Access-Control-Allow-Origin: *`, which CORS refuses to a request with
      // cookies: ask once more without them.
      response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(15_000) });
    }
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const blob = await response.blob();
    if (blob.size > maxBytes) return { ok: false, error: `too large (${blob.size} bytes)` };
    // Megabytes take seconds to cross into the extension: above `holdAbove` the blob stays
    // here and only its header goes; Iris then asks for it shrunk or whole (held-image.ts).
    const held = blob.size > holdAbove;
    if (held) (globalThis as { irisHeldImage?: Blob }).irisHeldImage = blob;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(held ? blob.slice(0, 256 * 1024) : blob);
    });
    if (held) return { ok: true, held: { size: blob.size, head: dataUrl } };
    return { ok: true, dataUrl };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
