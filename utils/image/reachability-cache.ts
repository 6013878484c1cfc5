import * as storage from '../storage';
import type { Reachability } from './reachability';

/** How long a check of a URL stays true, and how many URLs are remembered. */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 200;

type Entry = Reachability & { at: number };

/**
 * Reachability answers per URL, in storage.session: they outlive a sleeping service worker
 * but not the browser session, and never reach disk.
 */
export const reachabilityCacheItem = storage.defineItem<Record<string, Entry>>(
  'session:reachability',
  { fallback: {} },
);

export async function readCachedReachability(
  url: string,
  now = Date.now(),
): Promise<Reachability | undefined> {
  const entry = (await reachabilityCacheItem.getValue())[url];
  if (!entry || now - entry.at > TTL_MS) return undefined;
  const { at: _at, ...result } = entry;
  return result;
}

export async function writeCachedReachability(
  url: string,
  result: Reachability,
  now = Date.now(),
): Promise<void> {
  const entries = Object.entries(await reachabilityCacheItem.getValue())
    .filter(([key, entry]) => key !== url && now - entry.at <= TTL_MS)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_ENTRIES - 1);
  await reachabilityCacheItem.setValue(
    Object.fromEntries([[url, { ...result, at: now }], ...entries]),
  );
}
