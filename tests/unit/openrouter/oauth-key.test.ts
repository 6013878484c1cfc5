import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { checkKey } from '../../../utils/openrouter/key';
import {
  authPageUrl,
  createVerifier,
  exchangeCode,
  pkceChallenge,
  signInWithOpenRouter,
} from '../../../utils/openrouter/oauth';

describe('PKCE', () => {
  it('the RFC 7636 example: challenge = base64url(SHA-256(verifier))', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it.each(['a', 'x'.repeat(43), createVerifier()])('matches node crypto for %s', async (v) => {
    expect(await pkceChallenge(v)).toBe(createHash('sha256').update(v).digest('base64url'));
  });

  it('verifiers are 43 base64url characters and differ each time', () => {
    const a = createVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createVerifier()).not.toBe(a);
  });

  it('the sign-in page is on the API host, with the S256 challenge and callback', () => {
    const url = new URL(
      authPageUrl('https://openrouter.ai/api/v1', 'https://id.chromiumapp.org/', 'c'),
    );
    expect(url.origin + url.pathname).toBe('https://openrouter.ai/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      callback_url: 'https://id.chromiumapp.org/',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it('sign-in sends the verifier whose challenge went to the page, and returns the key', async () => {
    let challenge = '';
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { code: string; code_verifier: string };
      expect(body.code).toBe('the-code');
      expect(createHash('sha256').update(body.code_verifier).digest('base64url')).toBe(challenge);
      return Response.json({ key: 'sk-or-v1-new', user_id: 'u' });
    });
    const key = await signInWithOpenRouter(
      'https://openrouter.ai/api/v1',
      {
        redirectUrl: () => 'https://id.chromiumapp.org/',
        launch: async (url) => {
          challenge = new URL(url).searchParams.get('code_challenge') ?? '';
          return 'https://id.chromiumapp.org/?code=the-code';
        },
      },
      fetch as unknown as typeof globalThis.fetch,
    );
    expect(key).toBe('sk-or-v1-new');
    expect(fetch.mock.calls[0]?.[0]).toBe('https://openrouter.ai/api/v1/auth/keys');
  });

  it('a 403 from the exchange is an IrisError', async () => {
    const fetch = async () =>
      Response.json({ error: { code: 403, message: 'Invalid code' } }, { status: 403 });
    await expect(exchangeCode('https://o/api/v1', 'c', 'v', fetch)).rejects.toBeInstanceOf(
      IrisError,
    );
  });
});

describe('checkKey', () => {
  it('reads label, limit and what is left', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ data: { label: 'mine', limit: 10, limit_remaining: 7.5, usage: 2.5 } }),
    );
    expect(await checkKey('https://o/api/v1/', 'sk', fetch)).toEqual({
      label: 'mine',
      limit: 10,
      remaining: 7.5,
      usage: 2.5,
    });
    expect(fetch).toHaveBeenCalledWith('https://o/api/v1/key', expect.anything());
  });

  it('a 401 is invalid-key', async () => {
    const fetch = async () =>
      Response.json({ error: { code: 401, message: 'User not found.' } }, { status: 401 });
    await expect(checkKey('https://o/api/v1', 'bad', fetch)).rejects.toMatchObject({
      code: 'invalid-key',
    });
  });
});
