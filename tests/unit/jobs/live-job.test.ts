import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLiveJobs, LIVE_JOB_PORT } from '../../../utils/jobs/live-job';
import type { Job } from '../../../utils/jobs/types';

type ConnectListener = (port: unknown) => void;

function fakePort(name: string, url: string) {
  const disconnects: (() => void)[] = [];
  return {
    name,
    sender: { url },
    postMessage: vi.fn(),
    onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
    close: () => {
      for (const l of disconnects) l();
    },
  };
}

let connect: ConnectListener;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
    connect = listener as ConnectListener;
  });
});

describe('createLiveJobs', () => {
  const job = { id: 'j', text: 'hi' } as Job;

  it('pushes each change to Iris pages only, until they disconnect', () => {
    const live = createLiveJobs();
    live.register();
    const own = new URL('/popup.html', fakeBrowser.runtime.getURL('/')).href;
    const popup = fakePort(LIVE_JOB_PORT, own);
    const page = fakePort(LIVE_JOB_PORT, 'https://evil.example/');
    const other = fakePort('something-else', own);
    for (const port of [popup, page, other]) connect(port);
    live.push(job);
    expect(popup.postMessage).toHaveBeenCalledWith(job);
    expect(page.postMessage).not.toHaveBeenCalled();
    expect(other.postMessage).not.toHaveBeenCalled();
    popup.close();
    live.push(job);
    expect(popup.postMessage).toHaveBeenCalledTimes(1);
  });
});
