import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALT_SYSTEM_PROMPT } from '../../../utils/alt-text/prompt';
import { getCurrentJob } from '../../../utils/jobs/job-store';
import { createJobRunner } from '../../../utils/jobs/run-job';
import type { Job } from '../../../utils/jobs/types';

const settings = {
  apiKey: 'sk-or-v1-k',
  model: 'google/gemini-2.5-flash',
  baseUrl: 'https://openrouter.ai/api/v1',
  sendPublicByUrl: true,
  maxImageSide: 2048,
  firstByteTimeoutSeconds: 60,
  idleTimeoutSeconds: 45,
};

beforeEach(() => fakeBrowser.reset());

describe('alt-text jobs in the runner', () => {
  it('send the alt system prompt, run onDone with the answer, save its patch, and keep the task on retry', async () => {
    const streamChat = vi.fn(async () => ({ text: 'Image of a cat', usage: { cost: 0.001 } }));
    const onDone = vi.fn(async (job: Job) => ({
      altText: { text: `${job.text}!`, written: true },
    }));
    const runner = createJobRunner({
      readSettings: async () => settings,
      acquire: async () => ({ payload: { kind: 'url', url: 'https://c.example/cat.jpg' } }),
      createClient: () => ({ streamChat }) as never,
      newId: () => 'job-1',
      onDone,
    });
    const source = { srcUrl: 'https://c.example/cat.jpg', tabId: 1, frameId: 0 };
    await runner.start({
      source,
      task: 'alt-text',
      prompt: 'alt please',
      system: ALT_SYSTEM_PROMPT,
    });
    const body = (
      streamChat.mock.calls[0] as unknown as [{ messages: { role: string; content: unknown }[] }]
    )[0];
    expect(body.messages[0]).toEqual({ role: 'system', content: ALT_SYSTEM_PROMPT });
    expect(onDone).toHaveBeenCalledOnce();
    expect(await getCurrentJob()).toMatchObject({
      task: 'alt-text',
      status: 'done',
      altText: { text: 'Image of a cat!', written: true },
    });
    await runner.retry('job-1');
    const retried = (
      streamChat.mock.calls[1] as unknown as [{ messages: { role: string; content: unknown }[] }]
    )[0];
    expect(retried.messages[0]).toEqual({ role: 'system', content: ALT_SYSTEM_PROMPT });
    expect((await getCurrentJob())?.task).toBe('alt-text');
  });

  it('do not run onDone when the request failed', async () => {
    const onDone = vi.fn(async () => undefined);
    const runner = createJobRunner({
      readSettings: async () => ({ ...settings, apiKey: '' }),
      onDone,
    });
    await runner.start({ source: { srcUrl: 'https://c.example/a.jpg' }, task: 'alt-text' });
    expect(onDone).not.toHaveBeenCalled();
    expect((await getCurrentJob())?.error?.code).toBe('no-api-key');
  });
});
