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
    if (blob.size > holdAbove) {
      // Megabytes take seconds to cross into the extension: the blob stays here, only its
      // header goes, and Iris asks for it shrunk (held-image.ts) or whole.
      (globalThis as { irisHeldImage?: Blob }).irisHeldImage = blob;
      const head = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
      let binary = '';
      for (let i = 0; i < head.length; i += 0x8000)
        binary += String.fromCharCode(...head.subarray(i, i + 0x8000));
      return { ok: true, held: { size: blob.size, head: btoa(binary) } };
    }
    // Uint8Array#toBase64 (Chrome 140+, Firefox 133+) is several times faster than
    // FileReader.readAsDataURL, which took seconds for a 12 MP photo.
    const toBase64 = (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string }).toBase64;
    if (toBase64) {
      const base64 = toBase64.call(new Uint8Array(await blob.arrayBuffer()));
      return {
        ok: true,
        dataUrl: `data:${blob.type || 'application/octet-stream'};base64,${base64}`,
      };
    }
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(blob);
    });
    return { ok: true, dataUrl };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
