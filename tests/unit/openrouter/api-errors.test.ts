import { describe, expect, it } from 'vitest';
import { errorFromChunk, errorFromHttp } from '../../../utils/openrouter/api-errors';

const json = (status: number, message: string, metadata?: object) =>
  JSON.stringify({ error: { code: status, message, metadata } });

describe('errorFromHttp', () => {
  it.each([
    [400, 'foo/bar is not a valid model ID', undefined, 'bad-model'],
    [400, 'Invalid request', undefined, 'bad-request'],
    [401, 'No auth credentials found', undefined, 'invalid-key'],
    [401, 'User not found.', undefined, 'invalid-key'],
    [
      402,
      'Insufficient credits. Add more using https://openrouter.ai/credits',
      undefined,
      'insufficient-credits',
    ],
    [403, 'Flagged', { reasons: ['violence'] }, 'moderated'],
    [404, 'No endpoints found that support image input', undefined, 'model-cannot-see-images'],
    [404, 'Model not found', undefined, 'bad-model'],
    [408, 'Timeout', undefined, 'timeout'],
    [413, 'Payload too large', undefined, 'image-too-large'],
    [429, 'Rate limited', undefined, 'rate-limited'],
    [500, 'Internal', undefined, 'provider'],
    [502, 'Provider returned error', undefined, 'provider'],
    [503, 'No provider meets your routing rules', undefined, 'provider'],
    [524, 'Timeout', undefined, 'provider'],
    [529, 'Overloaded', undefined, 'provider'],
    [400, 'Bad image', { error_type: 'invalid_image' }, 'image-unreachable'],
    [400, 'Could not download', { error_type: 'image_download_failed' }, 'image-unreachable'],
    [400, 'Too big', { error_type: 'image_too_large' }, 'image-too-large'],
    [400, 'Nope', { error_type: 'unsupported_image_format' }, 'unsupported-image'],
  ])('%i %s → %s', (status, message, metadata, code) => {
    expect(errorFromHttp(status, json(status, message, metadata), new Headers()).code).toBe(code);
  });

  it('keeps Retry-After and moderation reasons', () => {
    const rateLimited = errorFromHttp(
      429,
      json(429, 'slow down'),
      new Headers({ 'Retry-After': '7' }),
    );
    expect(rateLimited.details.retryAfterSeconds).toBe(7);
    const moderated = errorFromHttp(
      403,
      json(403, 'Flagged', { reasons: ['self-harm'] }),
      new Headers(),
    );
    expect(moderated.details.providerMessage).toContain('self-harm');
  });

  it('survives a body that is not JSON', () => {
    const error = errorFromHttp(502, '<html>Bad gateway</html>', new Headers());
    expect(error.code).toBe('provider');
    expect(error.details.providerMessage).toContain('Bad gateway');
  });
});

describe('errorFromChunk', () => {
  it('reads the integer form and tolerates the string form of code', () => {
    expect(
      errorFromChunk({
        code: 502,
        message: 'Provider returned error',
        metadata: { error_type: 'provider_unavailable' },
      }).code,
    ).toBe('provider');
    expect(errorFromChunk({ code: 'server_error', message: 'oops' }).code).toBe('provider');
    expect(
      errorFromChunk({ code: 400, message: 'x', metadata: { error_type: 'image_download_failed' } })
        .code,
    ).toBe('image-unreachable');
  });
});
