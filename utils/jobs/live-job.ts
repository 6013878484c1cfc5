import { type Browser, browser } from 'wxt/browser';
import { logFailure } from '../log';
import type { Job } from './types';

/** The port an extension page (the popup) opens to follow the current job live. */
export const LIVE_JOB_PORT = 'iris-live-job';

/**
 * Pushes each change of a job to the open extension pages over a port, as it happens.
 * storage.session stays the truth (a popup opened later, a restarted worker), but a write
 * and its change event are two more hops, and writes are coalesced while one is in flight:
 * streamed text reached the popup tens of ms late. The ports live in this closure only:
 * when the worker stops they close, and pages fall back to storage.
 */
export function createLiveJobs() {
  const ports = new Set<Browser.runtime.Port>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  return {
    /** Call synchronously in the background's main(). */
    register(): void {
      browser.runtime.onConnect.addListener((port) => {
        // Only Iris's own pages: a content script's sender is the web page.
        const url = port.sender?.url;
        if (port.name !== LIVE_JOB_PORT || !url || new URL(url).origin !== ownOrigin) return;
        ports.add(port);
        port.onDisconnect.addListener(() => ports.delete(port));
      });
    },
    push(job: Job): void {
      for (const port of ports) {
        try {
          port.postMessage(job);
        } catch (error) {
          // The page went away between its disconnect and this message.
          logFailure('live job port closed', 'debug')(error);
          ports.delete(port);
        }
      }
    },
  };
}
