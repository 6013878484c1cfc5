import { t } from '../i18n';
import { logFailure } from '../log';
import { joinChunks } from './data-url';
import { readCachedReachability, writeCachedReachability } from './reachability-cache';
import { API_IMAGE_TYPES, sniffImageType } from './sniff';

/** The provider fetches a URL with no cookies: so does the check, and gives up as fast. */
export const REACHABILITY_TIMEOUT_MS = 2500;

/**
 * `verified`: the server answered 2xx with an accepted type and size. `unverified`: it
 * answered, but the browser hid the answer (no CORS headers): see `checkReachable`.
 */
export type Reachability =
  | { ok: true; how: 'verified' | 'unverified' }
  | { ok: false; reason: string };

export interface ReachabilityDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes: number;
  /** Skip storage.session (tests of the check itself). */
  cache?: boolean;
}

/** Statuses of servers that refuse HEAD but may serve GET (403: URLs signed for GET only). */
const HEAD_REFUSED = [403, 405, 501];
/** Extensions of formats the API does not take, for answers we cannot read. */
const NON_API_EXTENSION = /\.(svgz?|avif|bmp|ico|cur|tiff?|heic|heif|jxl|jp2)$/i;

/**
 * Checks, the way the provider will fetch it (no cookies, short timeout), that a public URL
 * answers 2xx with a type the API accepts and a size under the cap: HEAD, or a ranged GET
 * where HEAD is refused. Answers are cached per URL in storage.session.
 *
 * An extension without access to the image's host reads its answers only when the server
 * sends CORS headers (most image CDNs do). When it sends none, a credential-less `no-cors`
 * request still shows that the server answered, though not what: the URL is then used
 * anyway, unless its name says it is a format the API refuses. Falling back to bytes there
 * would be worse — the same CORS rule blocks the background download, leaving only a
 * screenshot — and a provider that cannot fetch it makes Iris retry with bytes.
 */
export async function checkReachable(url: string, deps: ReachabilityDeps): Promise<Reachability> {
  const useCache = deps.cache ?? true;
  const cached = useCache ? await readCachedReachability(url) : undefined;
  if (cached) return cached;
  const result = await probe(url, deps);
  // The answer is stored while the request goes out: it only serves later jobs.
  if (useCache)
    void writeCachedReachability(url, result).catch(
      logFailure('could not remember the image check'),
    );
  return result;
}

async function probe(url: string, deps: ReachabilityDeps): Promise<Reachability> {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? REACHABILITY_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const late = t('reasonNoAnswerWithin', timeoutMs / 1000);
  const base: RequestInit = { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal };
  let headFailure: unknown;
  try {
    const head = await doFetch(url, { ...base, method: 'HEAD' });
    if (!HEAD_REFUSED.includes(head.status)) return judge(head, undefined, deps.maxBytes);
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: late };
    headFailure = error;
  }
  try {
    const get = await doFetch(url, { ...base, headers: { Range: 'bytes=0-1023' } });
    return judge(get, await firstBytes(get), deps.maxBytes);
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: late };
    if (!headFailure) return { ok: false, reason: describe(error) };
  }
  // Both were refused without an answer: a network error, or an answer CORS hides from us.
  try {
    await doFetch(url, { ...base, method: 'HEAD', mode: 'no-cors' });
  } catch (error) {
    return { ok: false, reason: signal.aborted ? late : describe(error) };
  }
  if (NON_API_EXTENSION.test(new URL(url).pathname))
    return { ok: false, reason: t('reasonHiddenType') };
  return { ok: true, how: 'unverified' };
}

function judge(response: Response, head: Uint8Array | undefined, maxBytes: number): Reachability {
  if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
  const declared =
    (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // The first bytes of a GET are the truth; a HEAD only has the header's word.
  const sniffed = head?.length ? (sniffImageType(head) ?? t('typeNotImage')) : undefined;
  const type = sniffed ?? declared;
  if (!API_IMAGE_TYPES.includes(type))
    return { ok: false, reason: t('reasonWrongType', type || t('typeNotGiven')) };
  const size = totalSize(response);
  if (size !== undefined && size > maxBytes)
    return {
      ok: false,
      reason: t('reasonOverCap', [(size / 1e6).toFixed(1), (maxBytes / 1e6).toFixed(2)]),
    };
  return { ok: true, how: 'verified' };
}

/** The whole file's size: from Content-Range on a 206, else Content-Length (unknown if absent). */
function totalSize(response: Response): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  const value = response.status === 206 ? range?.[1] : response.headers.get('content-length');
  const size = Number(value ?? Number.NaN);
  return Number.isFinite(size) ? size : undefined;
}

/** Up to 1 KB of the body, then the rest is cancelled (a server may ignore the Range). */
async function firstBytes(response: Response): Promise<Uint8Array | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < 1024) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } finally {
    // The rest of the body is not wanted; a stream that already ended cannot be cancelled.
    await reader.cancel().catch(logFailure('cancel', 'debug'));
  }
  return joinChunks(chunks, length);
}

function describe(error: unknown): string {
  return error instanceof TypeError ? t('reasonUnreachable') : String(error);
}
