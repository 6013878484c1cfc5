// @vitest-environment node
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { OpenRouter } from '@openrouter/sdk';
import { ModelsListResponse$inboundSchema } from '@openrouter/sdk/models/modelslistresponse.js';
import { GetCurrentKeyResponse$inboundSchema } from '@openrouter/sdk/models/operations/getcurrentkey.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TEXT,
  MODELS,
  type MockServer,
  pkceChallenge,
  startMockServer,
} from '../fixtures/mock-server/server.mjs';

const KEY = 'sk-or-v1-test0123456789';
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

type SseEvent = { comment: string } | { data: string };

/** Splits an SSE body into comment and data events (blank-line separated). */
function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const line = block.trim();
      if (line.startsWith(':')) return { comment: line.slice(1).trim() };
      expect(line.startsWith('data: ')).toBe(true);
      return { data: line.slice('data: '.length) };
    });
}

const dataOf = (events: SseEvent[]) => events.flatMap((e) => ('data' in e ? [e.data] : []));

type VisionOptions = { imageUrl?: string; imageFirst?: boolean; extra?: Record<string, unknown> };

/** A request like Iris sends: system prompt, then a user message with text and one image. */
function visionBody({ imageUrl, imageFirst = false, extra = {} }: VisionOptions = {}) {
  const text = { type: 'text', text: "What's in this image?" };
  const image = {
    type: 'image_url',
    image_url: { url: imageUrl ?? `data:image/png;base64,${PNG_1PX}`, detail: 'auto' },
  };
  return {
    model: 'google/gemini-2.5-flash',
    stream: true,
    max_tokens: 600,
    temperature: 0.2,
    provider: { zdr: true, data_collection: 'deny', allow_fallbacks: true },
    messages: [
      { role: 'system', content: 'You describe images for blind readers.' },
      { role: 'user', content: imageFirst ? [image, text] : [text, image] },
    ],
    ...extra,
  };
}

/** GET over HTTPS trusting only `ca` (fetch cannot take a custom CA). */
function httpsGet(url: string, ca: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = https.request(url, { ca, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let mock: MockServer;
const post = (path: string, body: unknown, key: string | null = KEY) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
const get = (path: string, key: string | null = KEY) =>
  fetch(`${mock.url}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });

beforeAll(async () => {
  mock = await startMockServer({ revokedKeys: ['sk-or-v1-revoked'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('POST /chat/completions', () => {
  it('streams a comment, deltas, a usage chunk with choices: [] and [DONE]', async () => {
    const res = await post('/api/v1/chat/completions', visionBody());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const events = parseSse(await res.text());
    expect(events[0]).toEqual({ comment: 'OPENROUTER PROCESSING' });
    const data = dataOf(events);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    const usageChunk = chunks.at(-1);
    const contentChunks = chunks.slice(0, -1);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: usageChunk.usage.prompt_tokens + usageChunk.usage.completion_tokens,
      cost: expect.any(Number),
    });
    expect(contentChunks[0].choices[0].delta.role).toBe('assistant');
    expect(contentChunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(contentChunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
    expect(contentChunks.map((c) => c.choices[0].delta.content).join('')).toBe(DEFAULT_TEXT);
    for (const c of chunks) {
      expect(c).toMatchObject({
        id: res.headers.get('x-generation-id'),
        object: 'chat.completion.chunk',
      });
      expect(c.model).toBe('google/gemini-2.5-flash');
    }
    const recorded = await mock.waitForRequest({ path: '/chat/completions' });
    expect(recorded.validation).toEqual({ ok: true, issues: [], warnings: [] });
    expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('answers the SDK (its response schemas) both streaming and not, via /v1', async () => {
    const sdk = new OpenRouter({
      apiKey: KEY,
      serverURL: `${mock.url}/v1`,
      retryConfig: { strategy: 'none' },
    });
    mock.enqueue({ type: 'stream', text: 'Hello there', model: 'openai/gpt-4o-mini' });
    const result = await sdk.chat.send({
      chatRequest: {
        model: 'x/y',
        models: ['openai/gpt-4o-mini'],
        messages: [{ role: 'user', content: 'Hi' }],
      },
    });
    if (!('choices' in result)) throw new Error('expected a ChatResult, got a stream');
    expect(result).toMatchObject({ model: 'openai/gpt-4o-mini', systemFingerprint: null });
    expect(result.choices[0]?.message.content).toBe('Hello there');
    mock.enqueue({ type: 'stream', chunkDelayMs: 0 });
    const stream = await sdk.chat.send({
      chatRequest: { messages: [{ role: 'user', content: 'Hi' }], stream: true },
    });
    if ('choices' in stream) throw new Error('expected a stream, got a ChatResult');
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(DEFAULT_TEXT);
    expect(mock.requests.map((r) => r.body)).toMatchObject([
      { models: ['openai/gpt-4o-mini'] },
      { stream: true },
    ]);
  });

  it('refuses a missing key (401) and a revoked key (401 User not found.)', async () => {
    const missing = await post('/api/v1/chat/completions', visionBody(), null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { code: 401, message: 'No auth credentials found' },
    });
    const revoked = await post('/api/v1/chat/completions', visionBody(), 'sk-or-v1-revoked');
    expect(await revoked.json()).toEqual({ error: { code: 401, message: 'User not found.' } });
  });

  it('answers 400 and records validation issues for invalid bodies', async () => {
    const noMessages = await post('/api/v1/chat/completions', { model: 'openai/gpt-4o-mini' });
    expect(noMessages.status).toBe(400);
    const error = (await noMessages.json()).error;
    expect(error).toMatchObject({
      code: 400,
      message: expect.stringMatching(/^Invalid request: messages/),
    });
    expect((await mock.waitForRequest()).validation.ok).toBe(false);

    const imageFirst = await post('/api/v1/chat/completions', visionBody({ imageFirst: true }));
    expect(imageFirst.status).toBe(400);
    const recorded = await mock.waitForRequest();
    expect(recorded.validation.issues).toEqual([
      expect.stringContaining('text part comes after an image_url part'),
    ]);

    const badData = visionBody({ imageUrl: 'data:image/bmp;base64,Qk0=' });
    expect((await post('/api/v1/chat/completions', badData)).status).toBe(400);
    expect((await mock.waitForRequest()).validation.issues[0]).toMatch(
      /image_url\.url: must be an http\(s\) URL/,
    );
  });

  it('warns about fields the schema does not know', async () => {
    const res = await post('/v1/chat/completions', {
      ...visionBody({ extra: { stream: false } }),
      maxTokens: 5,
    });
    expect(res.status).toBe(200);
    expect((await mock.waitForRequest()).validation.warnings).toEqual([
      'maxTokens: unknown field, ignored (did you mean "max_tokens"?)',
    ]);
  });

  it('plays error scenarios: 402 and 429 with Retry-After', async () => {
    mock.enqueue({ type: 'error', status: 402 });
    mock.enqueue({ type: 'error', status: 429, headers: { 'Retry-After': '3' } });
    const credits = await post('/api/v1/chat/completions', visionBody());
    expect(credits.status).toBe(402);
    expect(await credits.json()).toEqual({
      error: {
        code: 402,
        message: 'Insufficient credits. Add more using https://openrouter.ai/credits',
      },
    });
    const limited = await post('/api/v1/chat/completions', visionBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect((await post('/api/v1/chat/completions', visionBody())).status).toBe(200); // queue empty
  });

  it('sends a mid-stream error as one chunk with finish_reason error and no [DONE]', async () => {
    mock.enqueue({ type: 'midStreamError', afterChunks: 2 });
    const res = await post('/api/v1/chat/completions', visionBody());
    expect(res.status).toBe(200);
    const data = dataOf(parseSse(await res.text()));
    expect(data).toHaveLength(3);
    expect(data).not.toContain('[DONE]');
    const last = JSON.parse(data[2] ?? '');
    expect(last).toMatchObject({
      object: 'chat.completion.chunk',
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: { error_type: 'provider_unavailable' },
      },
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
    });
  });

  it('stops a hanging stream when the client aborts, and waitForRequest times out cleanly', async () => {
    mock.enqueue({ type: 'hang' });
    const controller = new AbortController();
    const res = await fetch(`${mock.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}` },
      body: JSON.stringify(visionBody()),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    controller.abort();
    await mock.waitForRequest({ path: '/chat/completions' });
    await expect(mock.waitForRequest({ path: '/key', timeoutMs: 50 })).rejects.toThrow(
      /nothing within 50 ms/,
    );
  });
  it('resets the connection for a reset scenario', async () => {
    mock.enqueue({ type: 'reset' });
    await expect(post('/api/v1/chat/completions', visionBody())).rejects.toThrow();
    expect(
      (await post('/api/v1/chat/completions', visionBody({ extra: { stream: false } }))).status,
    ).toBe(200);
  });
});

describe('models, key and OAuth routes', () => {
  it('lists models, some image-capable, in the SDK schema shape', async () => {
    const res = await get('/api/v1/models', null);
    const json = await res.json();
    expect(ModelsListResponse$inboundSchema.safeParse(json).success).toBe(true);
    expect(json.data).toEqual(MODELS);
    const vision = MODELS.filter((m) => m.architecture.input_modalities.includes('image')).map(
      (m) => m.id,
    );
    expect(vision).toContain('meta-llama/llama-3.2-11b-vision-instruct:free');
    expect(vision).not.toContain('deepseek/deepseek-chat');
    const one = await get('/v1/model/meta-llama/llama-3.2-11b-vision-instruct:free');
    expect((await one.json()).data.id).toBe('meta-llama/llama-3.2-11b-vision-instruct:free');
    expect((await get('/v1/model/nobody/nothing')).status).toBe(404);
    expect((await get('/v1/nothing-here')).status).toBe(404);
  });

  it('GET /key answers key info, or 401', async () => {
    const res = await get('/api/v1/key');
    const json = await res.json();
    expect(json.data).toMatchObject({
      label: 'mock key',
      limit: 10,
      limit_remaining: 7.5,
      is_free_tier: false,
    });
    expect(GetCurrentKeyResponse$inboundSchema.safeParse(json).success).toBe(true);
    expect((await get('/api/v1/key', null)).status).toBe(401);
    expect((await get('/api/v1/key', 'not-a-key')).status).toBe(401);
  });

  it('exchanges a PKCE code for a key once; refuses bad verifiers and methods', async () => {
    const verifier = 'verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG';
    mock.registerAuthCode('code-1', pkceChallenge(verifier));
    const exchange = (body: object) => post('/api/v1/auth/keys', body, null);
    const plain = await exchange({
      code: 'code-1',
      code_verifier: verifier,
      code_challenge_method: 'plain',
    });
    expect(plain.status).toBe(400);
    const wrong = await exchange({
      code: 'code-1',
      code_verifier: 'nope',
      code_challenge_method: 'S256',
    });
    expect(wrong.status).toBe(403);
    const ok = await exchange({
      code: 'code-1',
      code_verifier: verifier,
      code_challenge_method: 'S256',
    });
    expect(ok.status).toBe(200);
    const { key, user_id } = await ok.json();
    expect(key).toMatch(/^sk-or-v1-oauth-/);
    expect(user_id).toBe('user_mock');
    expect((await get('/api/v1/key', key)).status).toBe(200);
    const reused = await exchange({
      code: 'code-1',
      code_verifier: verifier,
      code_challenge_method: 'S256',
    });
    expect(reused.status).toBe(403);
  });
});

describe('TLS and control API', () => {
  it('serves HTTPS with the fixture certificate', async () => {
    const secure = await startMockServer({ tls: true, validKeys: [KEY] });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url));
      const { status, body } = await httpsGet(`${secure.url}/api/v1/key`, ca, {
        Authorization: `Bearer ${KEY}`,
      });
      expect(status).toBe(200);
      expect(JSON.parse(body).data.label).toBe('mock key');
    } finally {
      await secure.close();
    }
  });

  it('queues scenarios and lists requests through /__mock', async () => {
    const queued = await post('/__mock/scenario', [{ type: 'error', status: 404 }], null);
    expect(await queued.json()).toEqual({ ok: true, queued: 1 });
    expect((await post('/__mock/scenario', { type: 'nope' }, null)).status).toBe(400);
    const res = await post('/api/v1/chat/completions', visionBody());
    expect(await res.json()).toEqual({
      error: { code: 404, message: 'No endpoints found that support image input' },
    });
    const list = await (await get('/__mock/requests', null)).json();
    expect(list.map((r: { path: string }) => r.path)).toEqual(['/api/v1/chat/completions']);
  });
});
