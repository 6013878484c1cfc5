import { IrisError, messageOf } from '../errors';
import { t } from '../i18n';

/** Downloads larger than this are refused before decoding (a 100 MP JPEG is ~40 MB). */
export const MAX_DOWNLOAD_BYTES = 60_000_000;

/** A download step ran out of the time the settings give an image (`imageTimeoutSeconds`). */
export class ImageTimeoutError extends Error {
  override readonly name = 'ImageTimeoutError';
  constructor(
    readonly seconds: number,
    tried = true,
  ) {
    super(tried ? t('reasonTimeout', seconds) : t('reasonOutOfTime', seconds));
  }
}

/** Reasons a download step gives (also from the page, which cannot import this file). */
export const REASONS = {
  tooLarge: `too large (over ${MAX_DOWNLOAD_BYTES / 1e6} MB)`,
  redirects: 'its address redirects in circles, or to a place that cannot be reached',
  brokeOff: 'the connection broke off before the whole image arrived',
  blobGone: 'the page has released this blob: address',
} as const;

/**
 * The error for a chain where every step failed: what one of the steps learnt, most telling
 * first (an error of Iris's own, a timeout, an HTTP status, a size, a broken connection).
 * `tried` lists each step and why it failed; it goes with the error as `details.steps`.
 */
export function chainFailure(tried: string[], errors: unknown[]): IrisError {
  const steps = { steps: tried };
  const unreachable = (sentence: string) => new IrisError('image-unreachable', sentence, steps);
  const own = errors.find((e): e is IrisError => e instanceof IrisError);
  if (own) return new IrisError(own.code, own.message, { ...own.details, ...steps });
  const timeout = errors.find((e): e is ImageTimeoutError => e instanceof ImageTimeoutError);
  if (timeout) return unreachable(t('imageFailTimeout', timeout.seconds));
  const statuses = tried.map((line) => Number(/HTTP (\d{3})/.exec(line)?.[1])).filter(Boolean);
  const gone = statuses.find((s) => s === 404 || s === 410);
  if (gone) return unreachable(t('imageFailNotFound', gone));
  const denied = statuses.find((s) => s === 401 || s === 403);
  if (denied) return unreachable(t('imageFailRefused', denied));
  const has = (reason: string) => tried.some((line) => line.includes(reason));
  if (has(REASONS.tooLarge))
    return new IrisError(
      'image-too-large',
      t('imageFailTooLarge', MAX_DOWNLOAD_BYTES / 1e6),
      steps,
    );
  const status = statuses[0];
  if (status) return unreachable(t('imageFailStatus', status));
  if (has(REASONS.redirects)) return unreachable(t('imageFailRedirects'));
  if (has(REASONS.brokeOff)) return unreachable(t('imageFailBrokeOff'));
  if (has(REASONS.blobGone)) return unreachable(t('imageFailBlobGone'));
  if (has(t('reasonNoAccess')))
    return new IrisError('image-unreachable', t('imageFailNoAccess'), { ...steps, capture: true });
  return unreachable(t('errorImageUnreachable'));
}

/** Why a step failed, in words for "What Iris tried". */
export function reasonOf(error: unknown): string {
  // fetch rejects with a bare TypeError for network errors and for CORS refusals alike.
  const message = messageOf(error);
  if (/^(Failed to fetch|NetworkError|Load failed)/i.test(message)) return t('reasonBlocked');
  // Chrome's words for a frame (or page) the click did not open to Iris; Firefox's.
  if (/Cannot access contents|must request permission|Missing host permission/i.test(message))
    return t('reasonNoAccess');
  return message;
}
