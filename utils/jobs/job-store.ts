import { storage } from 'wxt/utils/storage';
import type { Job } from './types';

/**
 * The current (or last) job, in `storage.session`: it survives the popup closing and the
 * service worker sleeping, and only extension pages can read it.
 */
export const currentJobItem = storage.defineItem<Job | null>('session:currentJob', {
  fallback: null,
});

export function getCurrentJob(): Promise<Job | null> {
  return currentJobItem.getValue();
}

export async function saveJob(job: Job): Promise<void> {
  await currentJobItem.setValue(job);
}

/**
 * Applies `patch` to the job with `id` if it is still the current one. A newer job
 * replaces an older one; late updates of the old one are dropped, not written over it.
 */
export async function updateJob(
  id: string,
  patch: Partial<Job> | ((job: Job) => Partial<Job>),
  now: () => number = Date.now,
): Promise<Job | null> {
  const job = await currentJobItem.getValue();
  if (!job || job.id !== id) return null;
  const changes = typeof patch === 'function' ? patch(job) : patch;
  const next: Job = { ...job, ...changes, updatedAt: now() };
  await currentJobItem.setValue(next);
  return next;
}
