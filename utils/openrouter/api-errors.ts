import { IrisError, type IrisErrorCode } from '../errors';
import { t } from '../i18n';

interface ApiErrorBody {
  code?: number | string;
  message?: string;
  metadata?: {
    error_type?: string;
    reasons?: string[];
    provider_name?: string;
    [k: string]: unknown;
  };
}

const IMAGE_ERROR_TYPES: Record<string, IrisErrorCode> = {
  invalid_image: 'image-unreachable',
  image_download_failed: 'image-unreachable',
  image_too_large: 'image-too-large',
  unsupported_image_format: 'unsupported-image',
};

const STATUS_CODES: Record<number, IrisErrorCode> = {
  401: 'invalid-key',
  402: 'insufficient-credits',
  403: 'moderated',
  408: 'timeout',
  413: 'image-too-large',
  429: 'rate-limited',
};

function codeForStatus(status: number, message: string): IrisErrorCode {
  // 400 and 404 say more in their words: a model that does not exist, or cannot see images.
  if (status === 400) return /model/i.test(message) ? 'bad-model' : 'bad-request';
  if (status === 404) return /image/i.test(message) ? 'model-cannot-see-images' : 'bad-model';
  return STATUS_CODES[status] ?? (status >= 500 ? 'provider' : 'bad-response');
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Translates a non-2xx HTTP answer (its status and, if any, JSON error body) into an IrisError. */
export function errorFromHttp(status: number, bodyText: string, headers: Headers): IrisError {
  let error: ApiErrorBody = {};
  try {
    const parsed = JSON.parse(bodyText) as { error?: ApiErrorBody };
    error = parsed.error ?? {};
  } catch (cause) {
    // Not JSON (a proxy's HTML page, say): keep a short excerpt as the provider's words.
    return new IrisError(
      codeForStatus(status, ''),
      `HTTP ${status}`,
      {
        status,
        providerMessage: bodyText.slice(0, 200) || undefined,
      },
      { cause },
    );
  }
  const message = error.message ?? `HTTP ${status}`;
  const errorType = error.metadata?.error_type;
  const code = (errorType && IMAGE_ERROR_TYPES[errorType]) || codeForStatus(status, message);
  const reasons = error.metadata?.reasons?.join(', ');
  return new IrisError(code, message, {
    status,
    providerMessage: reasons ? `${message} (${reasons})` : message,
    retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
  });
}

/** Translates an error chunk that arrived after streaming began (HTTP 200). */
export function errorFromChunk(error: ApiErrorBody): IrisError {
  const status = typeof error.code === 'number' ? error.code : 502;
  const message = error.message ?? t('apiMidStreamError');
  const errorType = error.metadata?.error_type;
  const code =
    (errorType && IMAGE_ERROR_TYPES[errorType]) ||
    (errorType === 'rate_limit_exceeded' ? 'rate-limited' : codeForStatus(status, message));
  return new IrisError(code, message, { status, providerMessage: message });
}
