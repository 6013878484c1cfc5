import { browser } from 'wxt/browser';
import type { Job } from './jobs/types';
import { logFailure } from './log';

/** `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

/**
 * Opens the popup so the answer streams in front of the user. Some browsers refuse (no
 * focused window, no user gesture): then the badge shows progress, and the popup shows
 * the job when the user opens it. Resolves to whether the popup opened.
 */
export async function openPopupOrBadge(): Promise<boolean> {
  try {
    await toolbarAction().openPopup();
    return true;
  } catch (error) {
    logFailure('popup not opened, showing progress on the badge', 'info')(error);
    return false;
  }
}

/** The longest a popup waits for its job to be under way (Chrome). */
export const POPUP_WAIT_MS = 100;
/** Popups waiting for their job, each with when it began to wait. */
const waitingPopups = new Map<() => void, number>();

/**
 * openPopupOrBadge for a job about to start. Firefox opens it at once (it must be asked in
 * the click's own turn). Chrome opens it once the job is under way — its request has left,
 * or it ended (releasePopups) — or after POPUP_WAIT_MS: a popup starting holds up the
 * browser's answers to the worker by 30–40 ms (the settings read, the URL check, the
 * request itself), and the job it would show is not stored yet.
 */
export function openPopupSoon(waitMs = POPUP_WAIT_MS, now = Date.now): Promise<boolean> {
  if (import.meta.env.FIREFOX) return openPopupOrBadge();
  return new Promise<void>((resolve) => {
    const release = () => {
      clearTimeout(timer);
      waitingPopups.delete(release);
      resolve();
    };
    const timer = setTimeout(release, waitMs);
    waitingPopups.set(release, now());
  }).then(openPopupOrBadge);
}

/**
 * Every change of the current job: a job created since a popup began to wait, and past
 * acquiring, lets it open. An older job's last words (the one a new job stops) do not.
 */
export function releasePopups(job: Pick<Job, 'status' | 'createdAt'>): void {
  if (job.status === 'acquiring') return;
  for (const [release, since] of [...waitingPopups]) if (job.createdAt >= since) release();
}

const BUSY = { text: '…', color: '#5b5bd6' };
const BADGES: Record<Exclude<Job['status'], 'draft'>, { text: string; color: string }> = {
  acquiring: BUSY,
  requesting: BUSY,
  streaming: BUSY,
  done: { text: '', color: '#2f8132' },
  stopped: { text: '', color: '#666666' },
  error: { text: '!', color: '#c62828' },
};

/** Mirrors a job's status on the toolbar button (cleared when the popup opens). */
export function showJobOnBadge(job: Job): void {
  // A draft shows how many images wait for a question.
  const badge =
    job.status === 'draft'
      ? { ...BUSY, text: job.images.length ? String(job.images.length) : '' }
      : BADGES[job.status];
  const action = toolbarAction();
  void Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
  ]).catch(logFailure('badge not updated'));
}

/**
 * showJobOnBadge for a job's every change, minus the repeats: a streamed answer changes the
 * job per token, and each badge update is two calls into the browser (acquiring, requesting
 * and streaming look the same: the request leaves without them).
 */
export function createJobBadge(show = showJobOnBadge): (job: Job) => void {
  let shown = '';
  return (job) => {
    const busy = job.status !== 'draft' && BADGES[job.status] === BUSY;
    const key = `${job.id} ${busy ? 'busy' : job.status} ${job.images.length}`;
    if (key === shown) return;
    shown = key;
    show(job);
  };
}

export function clearBadge(): Promise<void> {
  return toolbarAction().setBadgeText({ text: '' });
}
