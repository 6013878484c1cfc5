import { messageOf } from '../errors';
import { newPageId } from './page-targets';
import { planShrink, readAsDataUrl, shrinkPhotoInPage } from './shrink-in-page';

/** The time an in-page shrink may need (a 12 MP photo: ~0.3–1 s on a busy machine). */
const SHRINK_TIME_MS = 2000;

/**
 * Injected on demand into the clicked frame (`scripting.executeScript`): fetches the
 * image with the page's own cookies and origin, which is the only way to read blob: URLs
 * and images behind a login. Runs in a page script (utils/page/run-in-page.ts); its reasons
 * repeat `REASONS` of utils/image/byte-failure.ts word for word (that module pulls in i18n).
 * Everything — answer and body — must arrive within `timeoutMs`. Above `holdAbove` bytes
 * (0: never) the image stays in the frame, under an id of its own (several images may be
 * fetched at once), and only its first 256 KB go back: megabytes take seconds to cross into
 * the extension; Iris then asks for it shrunk or whole, or drops it (held-image.ts). Given
 * `shrink`, a photo larger than it will be sent is shrunk at once instead (planShrink).
 */
export async function fetchImageInPage(
  url: string,
  maxBytes: number,
  timeoutMs: number,
  holdAbove = 0,
  shrink: { maxSide: number; maxBytes: number; quality: number } | null = null,
): Promise<
  | { ok: true; dataUrl: string; shrunk?: true }
  | { ok: true; held: { id: string; size: number; head: string; shrinkFailed?: true } }
  | { ok: false; error: string; timedOut?: boolean }
> {
  const signal = AbortSignal.timeout(timeoutMs);
  const started = Date.now();
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
    return { ok: false, error: messageOf(error) };
  }
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  let blob: Blob;
  try {
    // With its length declared and nothing compressed, the browser reads the body itself:
    // several times quicker than chunk by chunk through JavaScript (8.7 MB: ~60 against
    // ~220 ms). A compressed body can be far larger than declared (a gzip bomb), and another
    // site's answer hides its Content-Encoding: those are read chunk by chunk, capped.
    const whole =
      declared > 0 && response.type === 'basic' && !response.headers.get('content-encoding');
    const read = whole ? await response.blob() : await readCapped(response, maxBytes);
    if (!read || read.size > maxBytes) return tooLarge;
    blob = read;
  } catch {
    if (signal.aborted) return late;
    return { ok: false, error: 'the connection broke off before the whole image arrived' };
  }
  // An empty blob reads as a bare "data:", which is not a data: URL.
  if (blob.size === 0) return { ok: true, dataUrl: 'data:,' };
  try {
    if (!(holdAbove > 0 && blob.size > holdAbove))
      return { ok: true, dataUrl: await readAsDataUrl(blob) };
    const head = blob.slice(0, 256 * 1024);
    const plan = shrink
      ? planShrink(new Uint8Array(await head.arrayBuffer()), blob.size, shrink)
      : undefined;
    // A photo that must shrink anyway: done here and now, in one trip, while the time left
    // covers it (Iris cuts this call off a second after `timeoutMs`); else it is held and
    // shrunk on request, with a bound of its own (held-image.ts).
    const timeLeft = timeoutMs - (Date.now() - started);
    const tryShrink = plan?.kind === 'shrink' && shrink && timeLeft >= SHRINK_TIME_MS;
    if (tryShrink) {
      const small = await shrinkPhotoInPage(blob, plan, shrink.quality).catch(() => undefined);
      if (small) return { ok: true, dataUrl: await readAsDataUrl(small), shrunk: true };
    }
    const scope = globalThis as { irisHeldImages?: Map<string, Blob> };
    scope.irisHeldImages ??= new Map();
    const id = newPageId();
    scope.irisHeldImages.set(id, blob);
    const held = { id, size: blob.size, head: await readAsDataUrl(head) };
    // Could not decode it here: held, to be read whole, so Iris's own checks say why.
    return { ok: true, held: tryShrink ? { ...held, shrinkFailed: true } : held };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** The body chunk by chunk, or null once it passes `maxBytes` (no length was declared). */
async function readCapped(response: Response, maxBytes: number): Promise<Blob | null> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
  }
  return new Blob(chunks as BlobPart[]);
}
