import * as storage from '../storage';
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
