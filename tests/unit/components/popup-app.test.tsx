import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { saveJob } from '../../../utils/jobs/job-store';
import { apiKeySetting } from '../../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser has no action API: the popup only clears the badge with it.
  (fakeBrowser as unknown as { action: object }).action = { setBadgeText: async () => undefined };
});

describe('popup App', () => {
  it('without a key and no job: says a key is needed and offers Options', async () => {
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Enter API key' })).toBeTruthy();
    expect(screen.getByText(/needs your OpenRouter API key/)).toBeTruthy();
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
});
