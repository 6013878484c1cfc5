import { describe, expect, it } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { buildChatBody } from '../../../utils/openrouter/body';
import { createOpenRouterClient } from '../../../utils/openrouter/client';

const body = buildChatBody({
  model: 'm/x',
  prompt: 'Describe',
  images: [{ kind: 'url', url: 'https://a.example.com/p.jpg' }],
});

function sse(events: string[], { gapMs = 0, end = true } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      for (const event of events) {
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        controller.enqueue(encoder.encode(event));
      }
      if (end) controller.close();
    },
  });
}

const chunk = (content: string, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'gen-1', model: 'openai/gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }], ...extra })}\n\n`;
const finish = `data: ${JSON.stringify({ id: 'gen-1', model: 'openai/gpt-4o-mini', choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }] })}\n\n`;
const usage = `data: ${JSON.stringify({ id: 'gen-1', choices: [], usage: { prompt_tokens: 10, completion_tokens: 3, cost: 0.00024 } })}\n\n`;

function clientWith(
  response: Response | (() => Promise<Response>),
  options: { idleTimeoutMs?: number; firstByteTimeoutMs?: number } = {},
) {
  const calls: { url: string; init: RequestInit }[] = [];
  const client = createOpenRouterClient({
    baseUrl: 'https://openrouter.ai/api/v1/',
    apiKey: 'sk-or-v1-abc',
    ...options,
    fetch: async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const answer = typeof response === 'function' ? await response() : response;
      return answer;
    },
  });
  return { client, calls };
}

describe('buildChatBody', () => {
  it('puts the text part first, then each image, and streams', () => {
    const built = buildChatBody({
      model: 'm',
      prompt: 'What is it?',
      images: [
        { kind: 'url', url: 'https://x.example.com/a.png' },
        { kind: 'data', dataUrl: 'data:image/png;base64,AAAA', mime: 'image/png', bytes: 3 },
      ],
    });
    const user = built.messages[1];
    expect(built.stream).toBe(true);
    expect(user?.role).toBe('user');
    expect(Array.isArray(user?.content) && user.content.map((p) => p.type)).toEqual([
      'text',
      'image_url',
      'image_url',
    ]);
  });
});

describe('createOpenRouterClient().streamChat', () => {
  it('streams deltas in order, ignores comments, records usage, model and generation id', async () => {
    const stream = sse([
      ': OPENROUTER PROCESSING\n\n',
      chunk('A wooden', { choices: [{ delta: { role: 'assistant', content: 'A wooden' } }] }),
      ': keep-alive\n\n',
      chunk(' board'),
      chunk('walk'),
      finish,
      usage,
      'data: [DONE]\n\n',
    ]);
    const { client, calls } = clientWith(
      new Response(stream, { headers: { 'X-Generation-Id': 'gen-1' } }),
    );
    const deltas: string[] = [];
    const result = await client.streamChat(body, { onDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual(['A wooden', ' board', 'walk']);
    expect(result).toMatchObject({
      text: 'A wooden boardwalk',
      model: 'openai/gpt-4o-mini',
      finishReason: 'stop',
      generationId: 'gen-1',
    });
    expect(result.usage).toEqual({ promptTokens: 10, completionTokens: 3, cost: 0.00024 });
    expect(calls[0]?.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer sk-or-v1-abc');
    expect(headers['X-OpenRouter-Title']).toBe('Iris');
    expect(headers['HTTP-Referer']).toMatch(/^https:/);
    expect(calls[0]?.init.credentials).toBe('omit');
  });

  it('handles events split across network chunks', async () => {
    const whole = `${chunk('Hello')}${finish}${usage}data: [DONE]\n\n`;
    const pieces = whole.match(/[\s\S]{1,7}/g) ?? [];
    const { client } = clientWith(new Response(sse(pieces)));
    expect((await client.streamChat(body)).text).toBe('Hello');
  });

  it('turns an HTTP error into an IrisError with its code', async () => {
    const { client } = clientWith(
      new Response(JSON.stringify({ error: { code: 402, message: 'Insufficient credits' } }), {
        status: 402,
      }),
    );
    await expect(client.streamChat(body)).rejects.toMatchObject({ code: 'insufficient-credits' });
  });

  it('turns a mid-stream error chunk into an IrisError after the text so far', async () => {
    const errorChunk = `data: ${JSON.stringify({ id: 'gen-1', error: { code: 502, message: 'Provider returned error', metadata: { error_type: 'provider_unavailable' } }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] })}\n\n`;
    const { client } = clientWith(new Response(sse([chunk('Partial'), errorChunk])));
    const deltas: string[] = [];
    const failure = await client
      .streamChat(body, { onDelta: (d) => deltas.push(d) })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IrisError);
    expect(failure).toMatchObject({ code: 'provider' });
    expect(deltas).toEqual(['Partial']);
  });

  it('reports malformed JSON as bad-response and a cut connection as network', async () => {
    const bad = clientWith(new Response(sse([chunk('x'), 'data: {not json\n\n'])));
    await expect(bad.client.streamChat(body)).rejects.toMatchObject({ code: 'bad-response' });
    const cut = clientWith(new Response(sse([chunk('x')])));
    await expect(cut.client.streamChat(body)).rejects.toMatchObject({ code: 'network' });
  });

  it('reports a refused connection as network', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.streamChat(body)).rejects.toMatchObject({ code: 'network' });
  });

  it('times out when the stream goes silent, but not while comments keep coming', async () => {
    const silent = clientWith(new Response(sse([chunk('x')], { end: false })), {
      idleTimeoutMs: 100,
    });
    await expect(silent.client.streamChat(body)).rejects.toMatchObject({ code: 'timeout' });
    const keepAlive = [': a\n\n', ': b\n\n', ': c\n\n', chunk('ok'), finish, 'data: [DONE]\n\n'];
    const alive = clientWith(new Response(sse(keepAlive, { gapMs: 60 })), { idleTimeoutMs: 100 });
    expect((await alive.client.streamChat(body)).text).toBe('ok');
  });

  it('stops when the caller aborts, as "stopped"', async () => {
    const controller = new AbortController();
    const { client } = clientWith(
      new Response(sse([chunk('a'), chunk('b')], { gapMs: 50, end: false })),
    );
    const pending = client.streamChat(body, {
      signal: controller.signal,
      onDelta: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ code: 'stopped' });
  });
});
