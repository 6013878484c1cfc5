import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Job } from '../../utils/jobs/types';
import { createJobBadge, openPopupSoon, POPUP_WAIT_MS, releasePopups } from '../../utils/toolbar';

describe('openPopupSoon (Chrome)', () => {
  let opened: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    opened = vi.fn(async () => undefined);
    fakeBrowser.action.openPopup = opened as never;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits while the job is acquiring, and opens once it is under way', async () => {
    const popup = openPopupSoon();
    releasePopups({ status: 'acquiring', createdAt: Date.now() });
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS / 2);
    expect(opened).not.toHaveBeenCalled();
    releasePopups({ status: 'requesting', createdAt: Date.now() });
    expect(await popup).toBe(true);
    expect(opened).toHaveBeenCalledTimes(1);
    // The timer was cleared: it does not open a second time.
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS);
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('opens after POPUP_WAIT_MS at the latest, and a job that ended opens it at once', async () => {
    const late = openPopupSoon();
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS - 1);
    expect(opened).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await late).toBe(true);
    const failed = openPopupSoon();
    releasePopups({ status: 'error', createdAt: Date.now() });
    expect(await failed).toBe(true);
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it("the job a new one stops does not open the new one's popup early", async () => {
    const before = Date.now() - 5000;
    const popup = openPopupSoon();
    releasePopups({ status: 'stopped', createdAt: before });
    releasePopups({ status: 'streaming', createdAt: before });
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS / 2);
    expect(opened).not.toHaveBeenCalled();
    releasePopups({ status: 'requesting', createdAt: Date.now() });
    expect(await popup).toBe(true);
  });

  it('a browser that refuses the popup leaves the badge to show progress', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('no focused window');
    }) as never;
    const popup = openPopupSoon();
    releasePopups({ status: 'done', createdAt: Date.now() });
    expect(await popup).toBe(false);
  });
});

describe('createJobBadge', () => {
  it('sets the badge once per look: the busy states share one, a new job or an end shows again', () => {
    const show = vi.fn();
    const badge = createJobBadge(show);
    const job = (id: string, status: Job['status']) => ({ id, status, images: [{}] }) as Job;
    for (const status of ['acquiring', 'requesting', 'streaming', 'streaming'] as const)
      badge(job('a', status));
    badge(job('a', 'done'));
    badge(job('b', 'acquiring'));
    badge(job('b', 'error'));
    expect(show.mock.calls.map(([j]) => `${j.id} ${j.status}`)).toEqual([
      'a acquiring',
      'a done',
      'b acquiring',
      'b error',
    ]);
  });
});
