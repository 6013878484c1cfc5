import { IrisError } from '../errors';
import { errorFromHttp } from './api-errors';

/** base64url without padding (RFC 4648 §5), as PKCE wants it. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh PKCE code verifier: 32 random bytes as base64url (43 characters). */
export function createVerifier(
  random: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b),
): string {
  const bytes = new Uint8Array(32);
  random(bytes);
  return base64url(bytes);
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** OpenRouter's sign-in page for a given API base URL (…/api/v1 → …/auth). */
export function authPageUrl(baseUrl: string, callbackUrl: string, challenge: string): string {
  const url = new URL('/auth', new URL(baseUrl).origin);
  url.searchParams.set('callback_url', callbackUrl);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** Exchanges the code of the redirect for a key (`POST /auth/keys`). */
export async function exchangeCode(
  baseUrl: string,
  code: string,
  verifier: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<string> {
  const response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/auth/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
    credentials: 'omit',
  });
  if (!response.ok) throw errorFromHttp(response.status, await response.text(), response.headers);
  const { key } = (await response.json()) as { key?: unknown };
  if (typeof key !== 'string' || !key) throw new IrisError('bad-response', 'No key came back.');
  return key;
}

export interface WebAuth {
  redirectUrl: () => string;
  /** Opens the sign-in window and resolves to the URL it was redirected to. */
  launch: (url: string) => Promise<string | undefined>;
}

/**
 * The whole PKCE sign-in: challenge → OpenRouter's page (through `identity`) → code → key.
 * Resolves to the new key; a closed window or a missing code is an IrisError.
 */
export async function signInWithOpenRouter(
  baseUrl: string,
  auth: WebAuth,
  doFetch?: typeof fetch,
): Promise<string> {
  const verifier = createVerifier();
  const challenge = await pkceChallenge(verifier);
  const redirect = await auth.launch(authPageUrl(baseUrl, auth.redirectUrl(), challenge));
  const code = redirect ? new URL(redirect).searchParams.get('code') : null;
  if (!code) throw new IrisError('invalid-key', 'Sign-in did not finish: no code came back.');
  return exchangeCode(baseUrl, code, verifier, doFetch);
}
