import { logFailure } from '../log';
import { ImageTimeoutError, MAX_DOWNLOAD_BYTES, REASONS } from './byte-failure';
import { joinChunks } from './data-url';

/**
 * Iris's own download of an image (with the browser's cookies, where Iris may reach the
 * host): answer and body within `timeoutMs`, at most MAX_DOWNLOAD_BYTES, and a failure
 * that says what went wrong — a status, a redirect loop, a broken connection, a timeout.
 */
export async function fetchFromBackground(
  url: string,
  deps: { fetch?: typeof fetch },
  timeoutMs: number,
): Promise<Uint8Array> {
  const doFetch = deps.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  const late = () => new ImageTimeoutError(timeoutMs / 1000);
  let response: Response;
  try {
    try {
      response = await doFetch(url, { credentials: 'include', signal });
    } catch (error) {
      if (signal.aborted) throw error;
      // Without access to the host, CORS decides, and it refuses a request with cookies the
      // `Access-Control-Allow-Origin: *` that CDNs answer: once more without them.
      response = await doFetch(url, { credentials: 'omit', signal });
    }
  } catch (error) {
    if (signal.aborted) throw late();
    throw (await redirectsInCircles(url, doFetch, signal)) ? new Error(REASONS.redirects) : error;
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) {
    await response.body?.cancel().catch(logFailure('cancel', 'debug'));
    throw new Error(REASONS.tooLarge);
  }
  try {
    return await readCapped(response, MAX_DOWNLOAD_BYTES);
  } catch (error) {
    if (signal.aborted) throw late();
    throw error;
  }
}

/** A fetch that failed outright may have met a redirect loop: asked not to follow, it shows one. */
async function redirectsInCircles(
  url: string,
  doFetch: typeof fetch,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    const probe = await doFetch(url, { credentials: 'omit', redirect: 'manual', signal });
    return probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
  } catch (error) {
    logFailure('redirect probe failed', 'debug')(error);
    return false;
  }
}

/** The body, refused once it passes `maxBytes` (a server may not say its length). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      throw new Error(REASONS.brokeOff, { cause: error });
    }
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(logFailure('cancel', 'debug'));
      throw new Error(REASONS.tooLarge);
    }
  }
  return joinChunks(chunks, length);
}
