import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IrisError } from '../../../utils/errors';
import { buildChatBody } from '../../../utils/openrouter/body';
import { createOpenRouterClient } from '../../../utils/openrouter/client';

const body = buildChatBody({
  model: 'm/x',
  prompt: 'Describe',
  images: [{ kind: 'url', url: 'https://a.example.com/p.jpg' }],
});

/** A response whose body arrives in exactly these network chunks. */
function streamOf(chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

function run(chunks: Uint8Array[]) {
  const client = createOpenRouterClient({
    baseUrl: 'https://openrouter.ai/api/v1',
    apiKey: 'sk-or-v1-prop',
    fetch: async () => streamOf(chunks),
  });
  return client.streamChat(body);
}

/** Cuts bytes at the given positions (sorted, deduplicated, any byte — mid-character too). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) out.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return out;
}

/** The SSE lines of a valid OpenRouter stream carrying `deltas`, ending in stop and [DONE]. */
function eventsFor(deltas: string[]): string[][] {
  const data = (value: object) => `data: ${JSON.stringify(value)}`;
  return [
    ...deltas.map((content) => [
      data({ id: 'g', model: 'm/x', choices: [{ index: 0, delta: { content } }] }),
    ]),
    [data({ id: 'g', choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }] })],
    ['data: [DONE]'],
  ];
}

const deltas = fc.array(
  fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string()),
  { maxLength: 12 },
);
const newline = fc.constantFrom('\n', '\r\n', '\r');
const comment = fc
  .string({ unit: 'grapheme-ascii' })
  .map((text) => `:${text.replace(/[\r\n]/g, ' ')}`);

describe('stream reader (property)', () => {
  it('any split of a valid stream into network chunks yields the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        deltas,
        fc.array(fc.nat(), { maxLength: 40 }),
        newline,
        async (parts, cuts, eol) => {
          const text = eventsFor(parts)
            .map((lines) => lines.join(eol) + eol + eol)
            .join('');
          const bytes = new TextEncoder().encode(text);
          const result = await run(split(bytes, cuts));
          expect(result.text).toBe(parts.join(''));
          expect(result.finishReason).toBe('stop');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('comment lines anywhere between lines change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        deltas,
        fc.array(fc.tuple(fc.nat(), comment), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (parts, comments, cuts) => {
          // Every line of the stream, blank separators included; a comment can go before any.
          const lines = eventsFor(parts).flatMap((event) => [...event, '']);
          for (const [at, line] of comments) lines.splice(at % (lines.length + 1), 0, line);
          const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
          const result = await run(split(bytes, cuts));
          expect(result.text).toBe(parts.join(''));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('garbage never throws anything but an IrisError', async () => {
    const garbageChunk = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom('data: ', 'data: {', 'data: [DONE]', 'event: x', ': c', '\n', '\n\n'),
            fc.string(),
            fc.json(),
          ),
          { maxLength: 8 },
        )
        .map((pieces) => new TextEncoder().encode(pieces.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(garbageChunk, { maxLength: 8 }), async (chunks) => {
        try {
          const result = await run(chunks);
          expect(typeof result.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(IrisError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
