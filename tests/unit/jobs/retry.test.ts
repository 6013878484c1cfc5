import { describe, expect, it, vi } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { isRetryable, withRetries } from '../../../utils/jobs/retry';

const rateLimited = (retryAfterSeconds?: number) =>
  new IrisError('rate-limited', 'slow down', { status: 429, retryAfterSeconds });
const unavailable = new IrisError('provider', 'down', { status: 503 });

function options(overrides = {}) {
  const waits: number[] = [];
  return {
    waits,
    opts: {
      signal: new AbortController().signal,
      canRetry: () => true,
      onWait: (seconds: number) => waits.push(seconds),
      sleep: async () => undefined,
      ...overrides,
    },
  };
}

describe('isRetryable', () => {
  it.each([
    [rateLimited(), true],
    [unavailable, true],
    [new IrisError('provider', 'bad gateway', { status: 502 }), false],
    [new IrisError('invalid-key', 'no'), false],
    [new IrisError('insufficient-credits', 'no'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('withRetries', () => {
  it('honours Retry-After and succeeds on a later attempt', async () => {
    const { waits, opts } = options();
    const attempt = vi.fn().mockRejectedValueOnce(rateLimited(7)).mockResolvedValueOnce('ok');
    expect(await withRetries(attempt, opts)).toBe('ok');
    expect(waits).toEqual([7]);
  });

  it('retries at most twice (2 s, then 4 s without Retry-After), then gives the error', async () => {
    const { waits, opts } = options();
    const attempt = vi.fn().mockRejectedValue(unavailable);
    await expect(withRetries(attempt, opts)).rejects.toBe(unavailable);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([2, 4]);
  });

  it('does not retry what is not 429/503, nor after output, nor for an absurd wait', async () => {
    const bad = new IrisError('invalid-key', 'no');
    const { opts } = options();
    await expect(withRetries(vi.fn().mockRejectedValue(bad), opts)).rejects.toBe(bad);
    const afterOutput = options({ canRetry: () => false });
    const once = vi.fn().mockRejectedValue(rateLimited(1));
    await expect(withRetries(once, afterOutput.opts)).rejects.toBeInstanceOf(IrisError);
    expect(once).toHaveBeenCalledTimes(1);
    const long = vi.fn().mockRejectedValue(rateLimited(3600));
    await expect(withRetries(long, options().opts)).rejects.toMatchObject({ code: 'rate-limited' });
    expect(long).toHaveBeenCalledTimes(1);
  });

  it('a Stop during the wait ends it at once', async () => {
    const controller = new AbortController();
    const attempt = vi.fn().mockRejectedValue(rateLimited(30));
    const pending = withRetries(attempt, {
      signal: controller.signal,
      canRetry: () => true,
      onWait: () => controller.abort(new DOMException('stopped', 'AbortError')),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
