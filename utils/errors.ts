/**
 * The one error type of Iris. Every failure a user can meet is translated into an
 * `IrisError` at the boundary where it happens (API, image acquisition, browser APIs);
 * the UI maps its `code` to a sentence and a next action (components/error-advice.ts).
 */
export type IrisErrorCode =
  | 'no-api-key'
  | 'invalid-key'
  | 'insufficient-credits'
  | 'bad-model'
  | 'model-cannot-see-images'
  | 'moderated'
  | 'rate-limited'
  | 'timeout'
  | 'network'
  | 'provider'
  | 'image-unreachable'
  | 'image-too-large'
  | 'unsupported-image'
  | 'no-image'
  | 'capture-failed'
  | 'bad-request'
  | 'bad-response'
  | 'content-filter'
  | 'empty-answer'
  | 'stopped'
  | 'interrupted'
  | 'no-focused-image'
  | 'private-window'
  | 'site-blocked'
  | 'insecure-endpoint'
  | 'internal';

/** Extra facts an error can carry to the UI (all JSON-serializable). */
export interface IrisErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** Provider's own words, shown in a smaller line under Iris's sentence. */
  providerMessage?: string;
  /** For image errors: each acquisition step tried and why it failed. */
  steps?: string[];
  /** The custom endpoint's host when the request went there (not to OpenRouter). */
  endpoint?: string;
  /** An answer that came back empty at the length limit: the limit, in tokens. */
  limit?: number;
  /** The picture is on screen but closed to Iris (a frame of another site, a closed page): capture a region. */
  capture?: boolean;
}

export class IrisError extends Error {
  override readonly name = 'IrisError';

  constructor(
    readonly code: IrisErrorCode,
    message: string,
    readonly details: IrisErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Plain data for storage and messages; `fromJSON` restores it on the other side. */
  toJSON(): SerializedIrisError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromJSON(data: SerializedIrisError): IrisError {
    return new IrisError(data.code, data.message, data.details);
  }
}

export interface SerializedIrisError {
  code: IrisErrorCode;
  message: string;
  details: IrisErrorDetails;
}

/** The message of anything thrown (an Error's message, else the value as text). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns anything thrown into an IrisError, keeping the original as `cause`. */
export function toIrisError(error: unknown): IrisError {
  if (error instanceof IrisError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new IrisError('stopped', 'Stopped.', {}, { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new IrisError('timeout', 'The request took too long.', {}, { cause: error });
  }
  return new IrisError('internal', messageOf(error), {}, { cause: error });
}
