import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IrisError } from '../../../utils/errors';
import { getCurrentJob, saveJob } from '../../../utils/jobs/job-store';
import { createJobRunner } from '../../../utils/jobs/run-job';
import type { Job } from '../../../utils/jobs/types';
import type { StreamCallbacks } from '../../../utils/openrouter/client';
import type { JobSettings } from '../../../utils/settings';

const settings: JobSettings = {
  apiKey: 'sk-or-v1-k',
  model: 'google/gemini-2.5-flash',
  baseUrl: 'https://openrouter.ai/api/v1',
  sendPublicByUrl: true,
  maxImageSide: 2048,
  firstByteTimeoutSeconds: 60,
  idleTimeoutSeconds: 45,
};
const source = { srcUrl: 'https://img.example.com/a.jpg', tabId: 1, frameId: 0 };

function runnerWith(
  stream: (callbacks: StreamCallbacks) => Promise<unknown>,
  overrides: Partial<JobSettings> = {},
) {
  const streamChat = vi.fn((_body: unknown, callbacks: StreamCallbacks) => stream(callbacks));
  const acquire = vi.fn(async () => ({ payload: { kind: 'url' as const, url: source.srcUrl } }));
  const runner = createJobRunner({
    readSettings: async () => ({ ...settings, ...overrides }),
    acquire,
    createClient: () => ({ streamChat }) as never,
    newId: () => 'job-1',
  });
  return { runner, streamChat, acquire };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('createJobRunner', () => {
  it('streams deltas into the stored job and ends done with usage and model', async () => {
    const seen: string[] = [];
    const { runner, streamChat } = runnerWith(async (callbacks) => {
      callbacks.onOpen?.();
      callbacks.onDelta?.('Hello', 'openai/gpt-4o-mini');
      await new Promise((r) => setTimeout(r, 5));
      seen.push((await getCurrentJob())?.text ?? '');
      callbacks.onDelta?.(' world', 'openai/gpt-4o-mini');
      return {
        text: 'Hello world',
        model: 'openai/gpt-4o-mini',
        finishReason: 'stop',
        usage: { cost: 0.001 },
      };
    });
    const job = await runner.start({ source });
    expect(seen).toEqual(['Hello']);
    expect(job.images[0]?.transport).toBe('url');
    expect(job).toMatchObject({
      status: 'done',
      text: 'Hello world',
      model: 'openai/gpt-4o-mini',
      usage: { cost: 0.001 },
    });
    expect(await getCurrentJob()).toMatchObject({ status: 'done', text: 'Hello world' });
    const sentBody = streamChat.mock.calls[0]?.[0] as { model: string };
    expect(sentBody.model).toBe('google/gemini-2.5-flash');
  });

  it.each([
    [
      'at the length limit (a model that thinks first)',
      'length',
      { maxTokens: 1000 },
      { code: 'empty-answer', details: { limit: 1000 } },
      /used up the longest answer allowed \(1000 tokens\)/,
    ],
    ['with nothing to blame', 'stop', {}, { code: 'empty-answer', details: {} }, /empty answer/],
  ])(
    'an empty answer %s ends as an error that says so, not as "Done"',
    async (_name, finishReason, overrides, error, words) => {
      const { runner } = runnerWith(async () => ({ text: ' \n', finishReason }), overrides);
      const job = await runner.start({ source });
      expect(job.status).toBe('error');
      expect(job.error).toMatchObject(error);
      expect(job.error?.message).toMatch(words);
    },
  );

  it('gives the image the timeout of the settings (15 s unless set)', async () => {
    const answer = async () => ({ text: 'ok', finishReason: 'stop' });
    const set = runnerWith(answer, { imageTimeoutSeconds: 4 });
    await set.runner.start({ source });
    expect((set.acquire.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      timeoutMs: 4000,
    });
    fakeBrowser.reset(); // the same job id: its stored image would be reused
    const unset = runnerWith(answer);
    await unset.runner.start({ source });
    expect((unset.acquire.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      timeoutMs: 15_000,
    });
  });

  it('fails with no-api-key before touching the image or the network', async () => {
    const { runner, streamChat, acquire } = runnerWith(async () => ({ text: '' }), { apiKey: '' });
    const job = await runner.start({ source });
    expect(job.status).toBe('error');
    expect(job.error?.code).toBe('no-api-key');
    expect(acquire).not.toHaveBeenCalled();
    expect(streamChat).not.toHaveBeenCalled();
  });

  it('keeps the partial text when the stream fails', async () => {
    const { runner } = runnerWith(async (callbacks) => {
      callbacks.onDelta?.('Half an ans');
      throw new IrisError('provider', 'Provider returned error');
    });
    const job = await runner.start({ source });
    expect(job).toMatchObject({
      status: 'error',
      text: 'Half an ans',
      error: { code: 'provider' },
    });
  });

  it('stop() aborts the request and ends the job as stopped, keeping the text', async () => {
    const { runner } = runnerWith(
      (callbacks) =>
        new Promise((_resolve, reject) => {
          callbacks.onDelta?.('Some');
          callbacks.signal?.addEventListener('abort', () =>
            reject(new IrisError('stopped', 'Stopped.')),
          );
        }),
    );
    const running = runner.start({ source });
    await vi.waitFor(async () => expect((await getCurrentJob())?.text).toBe('Some'));
    expect(runner.stop('job-1')).toBe(true);
    const job = await running;
    expect(job).toMatchObject({ status: 'stopped', text: 'Some' });
    expect(runner.stop('job-1')).toBe(false);
  });

  it('marks a job left streaming by a stopped worker as interrupted, keeping its text', async () => {
    const stale: Job = {
      id: 'old',
      task: 'describe',
      prompt: 'p',
      images: [{ source }],
      turns: [],
      status: 'streaming',
      text: 'partial',
      model: 'm',
      createdAt: 1,
      updatedAt: 1,
    };
    await saveJob(stale);
    const { runner } = runnerWith(async () => ({ text: '' }));
    await runner.recoverInterrupted();
    expect(await getCurrentJob()).toMatchObject({
      status: 'error',
      text: 'partial',
      error: { code: 'interrupted' },
    });
  });

  it('retry() runs the same image and prompt again', async () => {
    let calls = 0;
    const { runner, acquire } = runnerWith(async () => {
      calls++;
      if (calls === 1) throw new IrisError('network', 'down');
      return { text: 'ok', finishReason: 'stop' };
    });
    await runner.start({ source, prompt: 'Read the text' });
    const again = await runner.retry('job-1');
    expect(again).toMatchObject({ status: 'done', text: 'ok', prompt: 'Read the text' });
    // The image was read once and kept: a retry does not fetch it again.
    expect(acquire).toHaveBeenCalledTimes(1);
  });

  describe('when the provider cannot fetch the URL', () => {
    function retryingRunner(error: IrisError, secondPayload: 'url' | 'data' = 'data') {
      const streamChat = vi.fn(async (_body: unknown, callbacks: StreamCallbacks) => {
        if (streamChat.mock.calls.length === 1) {
          callbacks.onDelta?.('Half');
          throw error;
        }
        return { text: 'ok', finishReason: 'stop' };
      });
      const acquire = vi.fn(async (_input: unknown, opts: { forceBytes?: boolean }) =>
        opts.forceBytes && secondPayload === 'data'
          ? {
              payload: {
                kind: 'data' as const,
                dataUrl: 'data:image/png;base64,AA==',
                mime: 'image/png',
                bytes: 1,
              },
            }
          : { payload: { kind: 'url' as const, url: source.srcUrl } },
      );
      const runner = createJobRunner({
        readSettings: async () => settings,
        acquire: acquire as never,
        createClient: () => ({ streamChat }) as never,
        newId: () => 'job-1',
      });
      return { runner, streamChat, acquire };
    }

    it.each([
      ['image_download_failed', new IrisError('image-unreachable', 'Failed to download image')],
      ['invalid_image', new IrisError('image-unreachable', 'Invalid image')],
      ['image_too_large', new IrisError('image-too-large', 'Image too large')],
    ])('(%s) it sends the bytes once, unasked', async (_type, error) => {
      const { runner, acquire, streamChat } = retryingRunner(error);
      const job = await runner.start({ source });
      expect(job).toMatchObject({ status: 'done', text: 'ok' });
      expect(job.images[0]?.transport).toBe('data');
      expect(job.error).toBeUndefined();
      expect(acquire).toHaveBeenCalledTimes(2);
      expect(acquire.mock.calls[1]?.[1]).toMatchObject({ forceBytes: true });
      const second = streamChat.mock.calls[1]?.[0] as { messages: { content: unknown }[] };
      expect(JSON.stringify(second)).toContain('data:image/png;base64,AA==');
    });

    it('retries only once', async () => {
      const error = new IrisError('image-unreachable', 'Failed to download image');
      const streamChat = vi.fn(async () => {
        throw error;
      });
      const acquire = vi.fn(async () => ({
        payload: { kind: 'url' as const, url: source.srcUrl },
      }));
      const runner = createJobRunner({
        readSettings: async () => settings,
        acquire,
        createClient: () => ({ streamChat }) as never,
        newId: () => 'job-1',
      });
      const job = await runner.start({ source });
      expect(job.status).toBe('error');
      expect(streamChat).toHaveBeenCalledTimes(2);
    });

    it('does not retry other errors, nor bytes that failed', async () => {
      const { runner, acquire } = retryingRunner(new IrisError('invalid-key', 'User not found.'));
      expect((await runner.start({ source })).status).toBe('error');
      expect(acquire).toHaveBeenCalledTimes(1);
    });
  });
});
