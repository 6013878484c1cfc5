import { logFailure } from './log';

/** Why a custom endpoint address is refused, or the normalized base URL. */
export type EndpointCheck =
  | { ok: true; baseUrl: string; origin: string }
  | { ok: false; reason: 'not-a-url' | 'insecure' | 'scheme' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for this computer: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks a custom endpoint's base URL: https anywhere, http only on loopback (anything else
 * would send prompts, images and the key in clear over the network).
 */
export function checkEndpointUrl(input: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    logFailure('endpoint is not a URL', 'debug')(error);
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'insecure' };
  }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, baseUrl, origin: url.origin };
}

/** How a custom endpoint is named to the user: its host ("localhost:11434"). */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}
