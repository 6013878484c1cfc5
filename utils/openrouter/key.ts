import { IrisError } from '../errors';
import { errorFromHttp } from './api-errors';

/** What `GET /key` tells about a key: its label, its limit and what is left (USD). */
export interface KeyInfo {
  label: string;
  limit: number | null;
  remaining: number | null;
  usage?: number;
}

/** Asks OpenRouter whether `apiKey` works; a 401 becomes IrisError 'invalid-key'. */
export async function checkKey(
  baseUrl: string,
  apiKey: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<KeyInfo> {
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/key`, {
      headers: { Authorization: `Bearer ${apiKey}` },
      credentials: 'omit',
    });
  } catch (cause) {
    throw new IrisError('network', 'Could not reach OpenRouter.', {}, { cause });
  }
  if (!response.ok) throw errorFromHttp(response.status, await response.text(), response.headers);
  const data = ((await response.json()) as { data?: Record<string, unknown> }).data ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    label: typeof data.label === 'string' ? data.label : '',
    limit: num(data.limit),
    remaining: num(data.limit_remaining),
    usage: num(data.usage) ?? undefined,
  };
}
