import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IrisError } from '../../../utils/errors';
import { createJobRunner } from '../../../utils/jobs/run-job';
import type { Job } from '../../../utils/jobs/types';
import type { ChatBody } from '../../../utils/openrouter/body';
import type { StreamCallbacks } from '../../../utils/openrouter/client';
import type { JobSettings } from '../../../utils/settings';

const settings: JobSettings = {
  apiKey: 'sk-or-v1-k',
  model: 'google/gemini-2.5-flash',
  baseUrl: 'https://openrouter.ai/api/v1',
  sendPublicByUrl: true,
  maxImageSide: 2048,
  endpoint: 'openrouter',
};
const source = { srcUrl: 'https://img.example.com/a.jpg', pageUrl: 'https://bank.example/p' };

function runnerWith(overrides: Partial<JobSettings>) {
  const streamChat = vi.fn(async (_body: ChatBody, callbacks: StreamCallbacks) => {
    callbacks.onDelta?.('ok');
    return { text: 'ok', finishReason: 'stop', usage: { cost: 0.01 } };
  });
  const acquire = vi.fn(async () => ({ payload: { kind: 'url' as const, url: source.srcUrl } }));
  const createClient = vi.fn(() => ({ streamChat }) as never);
  const finished: Job[] = [];
  const runner = createJobRunner({
    readSettings: async () => ({ ...settings, ...overrides }),
    acquire,
    createClient,
    onFinished: (job) => void finished.push(job),
  });
  return { runner, streamChat, acquire, createClient, finished };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('run-job with the options of issue 5/7', () => {
  it('a never-run site ends in site-blocked: nothing acquired, nothing sent', async () => {
    const { runner, acquire, streamChat, finished } = runnerWith({ neverSites: ['bank.example'] });
    const job = await runner.start({ source });
    expect(job.error?.code).toBe('site-blocked');
    expect(acquire).not.toHaveBeenCalled();
    expect(streamChat).not.toHaveBeenCalled();
    expect(finished.map((j) => j.status)).toEqual(['error']);
  });

  it('a private window is refused unless allowed', async () => {
    const off = runnerWith({});
    expect((await off.runner.start({ source: { ...source, incognito: true } })).error?.code).toBe(
      'private-window',
    );
    const on = runnerWith({ privateWindows: true });
    expect((await on.runner.start({ source: { ...source, incognito: true } })).status).toBe('done');
  });

  it('the no-data switch and fallbacks reach the body; onFinished gets the done job', async () => {
    const { runner, streamChat, finished } = runnerWith({
      noDataProviders: true,
      fallbackModels: ['openai/gpt-4o-mini'],
    });
    await runner.start({ source });
    const body = streamChat.mock.calls[0]?.[0];
    expect(body?.provider).toEqual({ zdr: true, data_collection: 'deny' });
    expect(body?.models).toEqual(['openai/gpt-4o-mini']);
    expect(finished[0]).toMatchObject({ status: 'done', text: 'ok' });
  });

  it('a custom endpoint without a key still runs, with its own base URL and no key', async () => {
    const { runner, createClient } = runnerWith({
      endpoint: 'custom',
      keyRequired: false,
      apiKey: '',
      baseUrl: 'http://127.0.0.1:11434/v1',
    });
    expect((await runner.start({ source })).status).toBe('done');
    expect(createClient).toHaveBeenCalledWith(
      expect.objectContaining({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: '' }),
    );
  });
  it("a custom endpoint's failure names its host; OpenRouter's does not", async () => {
    const refuse = async () => {
      throw new IrisError('invalid-key', 'HTTP 401', { status: 401 });
    };
    const custom = runnerWith({ endpoint: 'custom', baseUrl: 'http://localhost:11434/v1' });
    custom.streamChat.mockImplementation(refuse);
    const failed = await custom.runner.start({ source });
    expect(failed.error).toMatchObject({
      code: 'invalid-key',
      details: { endpoint: 'localhost:11434' },
    });
    const openrouter = runnerWith({});
    openrouter.streamChat.mockImplementation(refuse);
    expect((await openrouter.runner.start({ source })).error?.details.endpoint).toBeUndefined();
  });
});
