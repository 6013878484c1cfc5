/**
 * Injected on demand into the clicked frame (`scripting.executeScript`): fetches the
 * image with the page's own cookies and origin, which is the only way to read blob: URLs
 * and images behind a login. Runs in a page script (utils/page/run-in-page.ts).
 */
export async function fetchImageInPage(
  url: string,
  maxBytes: number,
): Promise<{ ok: true; dataUrl: string } | { ok: false; error: string }> {
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
