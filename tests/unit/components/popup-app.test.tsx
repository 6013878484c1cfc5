import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { saveJob } from '../../../utils/jobs/job-store';
import { optionsFocusItem } from '../../../utils/options-focus';
import { apiKeySetting } from '../../../utils/settings';

type Listener = (message: unknown) => void;
/** The live port the popup opens (fakeBrowser has no runtime.connect). */
let livePort: { send: Listener; disconnect: () => void };

beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser has no action API: the popup only clears the badge with it.
  (fakeBrowser as unknown as { action: object }).action = { setBadgeText: async () => undefined };
  const messages: Listener[] = [];
  const disconnects: (() => void)[] = [];
  livePort = {
    send: (message) => {
      for (const listener of messages) listener(message);
    },
    disconnect: () => {
      for (const listener of disconnects) listener();
    },
  };
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(
    () =>
      ({
        onMessage: { addListener: (l: Listener) => messages.push(l) },
        onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
        disconnect: () => undefined,
      }) as never,
  );
});

describe('popup App', () => {
  it('without a key and no job: says a key is needed and offers Options', async () => {
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Enter API key' })).toBeTruthy();
    expect(screen.getByText(/needs your OpenRouter API key/)).toBeTruthy();
  });

  it('a next step opens Options at its field and makes way for it', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Enter API key' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(open).toHaveBeenCalledOnce();
    // Options reads (and clears) it: the key field gets focus there.
    expect(await optionsFocusItem.getValue()).toBe('api-key');
  });

  it('with a key and no job: tells how to start', async () => {
    await apiKeySetting.setValue('sk-or-v1-x');
    render(<App />);
    expect(await screen.findByText(/Right-click any image/)).toBeTruthy();
  });

  it('shows the current job and follows its updates', async () => {
    await apiKeySetting.setValue('sk-or-v1-x');
    const job = {
      id: 'j',
      task: 'describe' as const,
      prompt: 'p',
      images: [{ source: { srcUrl: 'https://a.example.com/a.png' } }],
      turns: [],
      status: 'streaming' as const,
      text: 'First',
      model: 'm',
      createdAt: 1,
      updatedAt: 1,
    };
    await saveJob(job);
    render(<App />);
    expect((await screen.findByRole('region', { name: 'Answer' })).textContent).toBe('First');
    await saveJob({ ...job, text: 'First words', status: 'done' });
    await screen.findByText('First words');
    expect(screen.getByRole('status').textContent).toContain('Done');
  });

  it('follows the live port ahead of storage, ignoring older stored copies', async () => {
    await apiKeySetting.setValue('sk-or-v1-x');
    const job = {
      id: 'j',
      task: 'describe' as const,
      prompt: 'p',
      images: [{ source: { srcUrl: 'https://a.example.com/a.png' } }],
      turns: [],
      status: 'streaming' as const,
      text: 'One',
      model: 'm',
      createdAt: 1,
      updatedAt: 1,
    };
    await saveJob(job);
    render(<App />);
    await screen.findByText('One');
    livePort.send({ ...job, text: 'One two three', updatedAt: 3 });
    await screen.findByText('One two three');
    // The coalesced storage write lands later, with an older state.
    await saveJob({ ...job, text: 'One two', updatedAt: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('region', { name: 'Answer' }).textContent).toBe('One two three');
    // Without the port (worker stopped), storage is the truth again.
    livePort.disconnect();
    await saveJob({ ...job, text: 'Interrupted', status: 'error', updatedAt: 2 });
    await screen.findByText('Interrupted');
  });
});
