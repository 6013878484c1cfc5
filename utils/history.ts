import type { Job } from './jobs/types';
import * as storage from './storage';

/** One finished job as History keeps it. */
export interface HistoryEntry {
  id: string;
  /** ≤ 256 px data URL, or the public image URL the model was given. */
  thumbnail?: string;
  question: string;
  answer: string;
  model: string;
  cost?: number;
  pageUrl?: string;
  time: number;
}

export const HISTORY_MAX_ENTRIES = 100;
/** Byte cap of the stored list (JSON), well under storage.local's default 10 MB quota. */
export const HISTORY_MAX_BYTES = 2_000_000;
/** A thumbnail data URL larger than this (≈ a 256 px JPEG) is dropped, not stored. */
const THUMBNAIL_MAX_CHARS = 120_000;

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
});

/** The history entry for a job, or null when it should not be kept (failed, private). */
export function entryFor(job: Job): HistoryEntry | null {
  const first = job.images[0];
  if (first?.source.incognito || !job.text || (job.status !== 'done' && job.status !== 'stopped'))
    return null;
  const thumb = first?.thumbnail;
  return {
    id: job.id,
    thumbnail: thumb && thumb.length <= THUMBNAIL_MAX_CHARS ? thumb : undefined,
    question: job.prompt,
    answer: job.text,
    model: job.model,
    cost: job.usage?.cost,
    pageUrl: first?.source.pageUrl,
    time: job.updatedAt,
  };
}

/** Newest first, at most `maxEntries`, and at most `maxBytes` of JSON (oldest go first). */
export function capHistory(
  entries: HistoryEntry[],
  maxEntries = HISTORY_MAX_ENTRIES,
  maxBytes = HISTORY_MAX_BYTES,
): HistoryEntry[] {
  const kept = entries.slice(0, maxEntries);
  let bytes = new TextEncoder().encode(JSON.stringify(kept)).length;
  while (kept.length > 0 && bytes > maxBytes) {
    const dropped = kept.pop() as HistoryEntry;
    bytes -= new TextEncoder().encode(JSON.stringify(dropped)).length + 1;
  }
  return kept;
}

/** Adds a finished job to the front of History (replacing an entry with the same id). */
export async function recordJob(job: Job): Promise<void> {
  const entry = entryFor(job);
  if (!entry) return;
  const entries = await historyItem.getValue();
  await historyItem.setValue(capHistory([entry, ...entries.filter((e) => e.id !== entry.id)]));
}

export async function deleteHistoryEntry(id: string): Promise<void> {
  const entries = await historyItem.getValue();
  await historyItem.setValue(entries.filter((e) => e.id !== id));
}

export async function clearHistory(): Promise<void> {
  await historyItem.setValue([]);
}

/** Entries whose question, answer, model or page contain `query` (case-insensitive). */
export function searchHistory(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter((e) =>
    [e.question, e.answer, e.model, e.pageUrl ?? ''].some((s) => s.toLowerCase().includes(q)),
  );
}

/** The sum of the known costs, in USD. */
export function totalSpend(entries: HistoryEntry[]): number {
  return entries.reduce((sum, e) => sum + (e.cost ?? 0), 0);
}
