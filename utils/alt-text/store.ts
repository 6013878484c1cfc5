import * as storage from '../storage';

/** One cached alt text; `at` is the last use, for LRU eviction. */
export interface CachedAlt {
  alt: string;
  at: number;
}

/** Cache of alt texts by `cacheKey`, in storage.local so a revisit costs nothing. */
export const altTextCacheItem = storage.defineItem<Record<string, CachedAlt>>(
  'local:altTextCache',
  { fallback: {} },
);

/** What auto mode spent today (USD), for the daily cap. `day` is YYYY-MM-DD, local time. */
export const altTextSpendItem = storage.defineItem<{ day: string; usd: number }>(
  'local:altTextSpend',
  { fallback: { day: '', usd: 0 } },
);

/** A cap that stopped auto mode, per tab, for the popup's notice. */
export interface AltTextNotice {
  scope: 'page' | 'day';
  capUsd: number;
  at: number;
}
export const altTextNoticesItem = storage.defineItem<Record<string, AltTextNotice>>(
  'session:altTextNotices',
  { fallback: {} },
);

/** Tabs granted one pass of auto mode by the "Alt text for this page" command: tab id → origin. */
export const altTextOncePassesItem = storage.defineItem<Record<string, string>>(
  'session:altTextOncePasses',
  { fallback: {} },
);
