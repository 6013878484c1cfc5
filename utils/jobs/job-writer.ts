import { logFailure } from '../log';
import type { Job } from './types';

interface WriterDeps {
  save: (job: Job) => Promise<void>;
  now: () => number;
  onChange?: (job: Job) => void;
}

/**
 * Holds a running job and writes it to storage, coalescing bursts: while one write is in
 * flight, further changes are merged and written once it lands, so a fast stream never
 * queues up stale copies and the last state always wins.
 */
export function createJobWriter(initial: Job, deps: WriterDeps) {
  let job = initial;
  let pending: Promise<void> | null = null;
  let dirty = true;

  function pump(): Promise<void> {
    if (pending) return pending;
    pending = (async () => {
      while (dirty) {
        dirty = false;
        try {
          await deps.save(job);
        } catch (error) {
          // Storage can refuse a write (quota); the next change retries with fresh data.
          logFailure('could not save the job', 'error')(error);
        }
      }
      pending = null;
    })();
    return pending;
  }

  return {
    get job() {
      return job;
    },
    set(patch: Partial<Job>) {
      job = { ...job, ...patch, updatedAt: deps.now() };
      dirty = true;
      deps.onChange?.(job);
      void pump();
    },
    /** Resolves once every change so far is stored. */
    async flush() {
      await pump();
      if (dirty) await pump();
    },
  };
}
