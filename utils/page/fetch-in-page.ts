import { newPageId } from './page-targets';

/**
 * Injected on demand into the clicked frame (`scripting.executeScript`): fetches the
 * image with the page's own cookies and origin, which is the only way to read blob: URLs
 * and images behind a login. Runs in a page script (utils/page/run-in-page.ts); its reasons
 * repeat `REASONS` of utils/image/byte-failure.ts word for word (that module pulls in i18n).
 * Everything — answer and body — must arrive within `timeoutMs`. Above `holdAbove` bytes
 * (0: never) the image stays in the frame, under an id of its own (several images may be
 * fetched at once), and only its first 256 KB go back: megabytes take seconds to cross into
 * the extension; Iris then asks for it shrunk or whole, or drops it (held-image.ts).
 */
export async function fetchImageInPage(
  url: string,
  maxBytes: number,
  timeoutMs: number,
  holdAbove = 0,
): Promise<
  | { ok: true; dataUrl: string }
  | { ok: true; held: { id: string; size: number; head: string } }
  | { ok: false; error: string; timedOut?: boolean }
> {
  const signal = AbortSignal.timeout(timeoutMs);
  const late = {
    ok: false as const,
    error: `no complete answer within ${Math.round(timeoutMs / 100) / 10} s`,
    timedOut: true,
  };
  const tooLarge = { ok: false as const, error: `too large (over ${maxBytes / 1e6} MB)` };
  let response: Response;
  try {
    try {
      response = await fetch(url, { credentials: 'include', signal });
    } catch (error) {
      if (signal.aborted) throw error;
      // CDNs answer `Access-Control-Allow-Origin: *`, which CORS refuses to a request with
      // cookies: ask once more without them.
      response = await fetch(url, { credentials: 'omit', signal });
    }
  } catch (error) {
    if (signal.aborted) return late;
    if (url.startsWith('blob:'))
      return { ok: false, error: 'the page has released this blob: address' };
    try {
      // Asked not to follow redirects, a loop shows itself as a redirect.
      const probe = await fetch(url, { credentials: 'omit', redirect: 'manual', signal });
      if (probe.type === 'opaqueredirect')
        return {
          ok: false,
          error: 'its address redirects in circles, or to a place that cannot be reached',
        };
    } catch {
      // The first error says more than the probe's.
    }
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge;
      }
    }
  } catch {
    if (signal.aborted) return late;
    return { ok: false, error: 'the connection broke off before the whole image arrived' };
  }
  // An empty blob reads as a bare "data:", which is not a data: URL.
  if (length === 0) return { ok: true, dataUrl: 'data:,' };
  try {
    const blob = new Blob(chunks as BlobPart[]);
    const held = holdAbove > 0 && blob.size > holdAbove;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(held ? blob.slice(0, 256 * 1024) : blob);
    });
    if (held) {
      const scope = globalThis as { irisHeldImages?: Map<string, Blob> };
      scope.irisHeldImages ??= new Map();
      const id = newPageId();
      scope.irisHeldImages.set(id, blob);
      return { ok: true, held: { id, size: blob.size, head: dataUrl } };
    }
    return { ok: true, dataUrl };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
