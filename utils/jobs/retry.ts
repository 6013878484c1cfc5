import type { IrisError } from '../errors';

/** Statuses the API asks us to come back later for: 429 (rate limit) and 503 (unavailable). */
export function isRetryable(error: IrisError): boolean {
  return (
    error.code === 'rate-limited' || (error.code === 'provider' && error.details.status === 503)
  );
}

export interface RetryOptions {
  /** Retries after the first attempt (the "at most twice"). */
  maxRetries?: number;
  /** Waits longer than this are not worth holding the user for: fail with the message. */
  maxWaitSeconds?: number;
  signal: AbortSignal;
  /** False once the attempt produced output: a retry would repeat what the user saw. */
  canRetry: () => boolean;
  onWait: (seconds: number, retry: number, maxRetries: number) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Sleeps, but wakes (rejecting) as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt`; when it fails with 429 or 503 before any output, waits as the server
 * asked (`Retry-After`, else 2 s then 4 s) and tries again, at most `maxRetries` times.
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxRetries = options.maxRetries ?? 2;
  const maxWait = options.maxWaitSeconds ?? 60;
  const sleep = options.sleep ?? abortableSleep;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (thrown) {
      const error = thrown as IrisError;
      if (retry >= maxRetries || !isRetryable(error) || !options.canRetry()) throw error;
      const seconds = error.details.retryAfterSeconds ?? 2 ** (retry + 1);
      if (seconds > maxWait) throw error;
      options.onWait(seconds, retry + 1, maxRetries);
      await sleep(seconds * 1000, options.signal);
    }
  }
}
