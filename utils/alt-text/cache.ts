import type { CachedAlt } from './store';

/** Most alt texts kept; the least recently used go first. ~200 bytes each. */
export const ALT_CACHE_MAX_ENTRIES = 2000;

/**
 * The cache key of an image's alt text. The same URL gets a new alt when the model, the
 * prompt, the language or the length limit changes. data: and blob: URLs are not cached
 * (huge, or valid for one page only): null.
 */
export function altCacheKey(
  url: string,
  context: { model: string; promptVersion: number; language: string; maxLength: number },
): string | null {
  if (!/^https?:/i.test(url)) return null;
  return [
    context.model,
    `v${context.promptVersion}`,
    context.language,
    context.maxLength,
    url,
  ].join('|');
}

/** Returns the cache with `key` set (or refreshed) and the oldest entries over `max` dropped. */
export function putInCache(
  cache: Record<string, CachedAlt>,
  key: string,
  entry: CachedAlt,
  max = ALT_CACHE_MAX_ENTRIES,
): Record<string, CachedAlt> {
  const next = { ...cache, [key]: entry };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  const oldest = keys.sort((a, b) => (next[a]?.at ?? 0) - (next[b]?.at ?? 0));
  for (const stale of oldest.slice(0, keys.length - max)) delete next[stale];
  return next;
}

/** The local calendar day, YYYY-MM-DD, for the daily cap. */
export function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's spend: the stored figure if it is today's, else zero. */
export function spentToday(spend: { day: string; usd: number }, now: number): number {
  return spend.day === dayOf(now) ? spend.usd : 0;
}
