import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentJobItem } from '../utils/jobs/job-store';
import { LIVE_JOB_PORT } from '../utils/jobs/live-job';
import type { Job } from '../utils/jobs/types';

/** At most one render per frame while text streams in. */
const FRAME_MS = 16;

/**
 * The current job: from storage.session (the truth, also after a worker restart), and live
 * from the background over a port while the page is open. The port is ahead of storage, so
 * a stored copy of the same job older than what the port gave is ignored (storage events
 * come in order: the last one is the job's latest state either way).
 */
export function useCurrentJob(): Job | null | undefined {
  const [job, setJob] = useState<Job | null | undefined>(undefined);

  useEffect(() => {
    let latest: Job | null | undefined;
    let lastRender = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const render = () => {
      timer = undefined;
      lastRender = performance.now();
      setJob(latest);
    };
    const accept = (next: Job | null, live: boolean) => {
      const stale =
        !live &&
        port &&
        next &&
        latest &&
        next.id === latest.id &&
        next.updatedAt < latest.updatedAt;
      if (stale) return;
      latest = next;
      if (timer !== undefined) return;
      const wait = FRAME_MS - (performance.now() - lastRender);
      if (wait <= 0) render();
      else timer = setTimeout(render, wait);
    };
    const connect = () => {
      port = browser.runtime.connect({ name: LIVE_JOB_PORT });
      port.onMessage.addListener((message) => accept(message as Job, true));
      port.onDisconnect.addListener(() => {
        port = undefined;
      });
    };
    connect();
    void currentJobItem.getValue().then((stored) => accept(stored, false));
    const unwatch = currentJobItem.watch((stored) => {
      accept(stored, false);
      // A restarted worker runs a new job: follow it live again.
      if (!port && stored && stored.status !== 'draft') connect();
    });
    return () => {
      unwatch();
      clearTimeout(timer);
      port?.disconnect();
    };
  }, []);

  return job;
}
