import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getCurrentJob } from '../../../utils/jobs/job-store';
import { getPayloads } from '../../../utils/jobs/payload-store';
import { createJobRunner } from '../../../utils/jobs/run-job';
import { buildChatBody, type ChatBody } from '../../../utils/openrouter/body';
import type { StreamCallbacks } from '../../../utils/openrouter/client';

const url = (n: number) => `https://img.example.com/${n}.jpg`;

describe('buildChatBody, conversations', () => {
  it('a first question: text first, then every image in order', () => {
    const body = buildChatBody({
      model: 'm',
      prompt: 'Which is cheapest?',
      images: [1, 2, 3].map((n) => ({ kind: 'url' as const, url: url(n) })),
    });
    const user = body.messages[1];
    expect(user?.role).toBe('user');
    const parts = user?.content as { type: string; image_url?: { url: string } }[];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url', 'image_url', 'image_url']);
    expect(parts.slice(1).map((p) => p.image_url?.url)).toEqual([url(1), url(2), url(3)]);
  });

  it('a follow-up: the images once, with the first question; then answers and questions as text', () => {
    const body = buildChatBody({
      model: 'm',
      prompt: 'What brand?',
      images: [{ kind: 'url', url: url(1) }],
      turns: [
        { question: 'What is it?', answer: 'A bike.' },
        { question: 'What colour?', answer: 'Red.' },
      ],
    });
    expect(body.messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    expect(JSON.stringify(body).split(url(1)).length - 1).toBe(1);
    const first = body.messages[1]?.content as { type: string; text?: string }[];
    expect(first[0]?.text).toBe('What is it?');
    expect(body.messages.slice(2).map((m) => m.content)).toEqual([
      'A bike.',
      'What colour?',
      'Red.',
      'What brand?',
    ]);
  });
});

describe('runner: drafts, questions and follow-ups', () => {
  beforeEach(() => fakeBrowser.reset());

  function setup() {
    const bodies: ChatBody[] = [];
    let n = 0;
    const runner = createJobRunner({
      readSettings: async () => ({
        apiKey: 'k',
        model: 'm/x',
        baseUrl: 'https://openrouter.ai/api/v1',
        sendPublicByUrl: true,
        maxImageSide: 2048,
        firstByteTimeoutSeconds: 60,
        idleTimeoutSeconds: 45,
      }),
      acquire: vi.fn(async ({ srcUrl }) => ({ payload: { kind: 'url' as const, url: srcUrl } })),
      createClient: () =>
        ({
          streamChat: async (body: ChatBody, callbacks: StreamCallbacks) => {
            bodies.push(body);
            callbacks.onDelta?.(`answer ${++n}`);
            return { text: `answer ${n}`, finishReason: 'stop' };
          },
        }) as never,
    });
    return { runner, bodies };
  }

  it('Add to question ×3, then one question: one request with the three images', async () => {
    const { runner, bodies } = setup();
    for (const n of [1, 2, 3]) await runner.addToDraft([{ srcUrl: url(n) }]);
    const draft = await getCurrentJob();
    expect(draft).toMatchObject({ status: 'draft', task: 'ask', prompt: 'Describe this' });
    expect(draft?.images.map((i) => i.source.srcUrl)).toEqual([url(1), url(2), url(3)]);
    await runner.send(draft?.id ?? '', 'Which of these is the cheapest-looking?');
    expect(bodies).toHaveLength(1);
    expect(JSON.stringify(bodies[0])).toContain(url(3));
    expect(await getCurrentJob()).toMatchObject({ status: 'done', text: 'answer 1' });
  });

  it('removing one image keeps the others (and their bytes) aligned', async () => {
    const { runner } = setup();
    const ready = {
      source: { srcUrl: 'capture:1' },
      payload: {
        kind: 'data' as const,
        dataUrl: 'data:image/png;base64,AA==',
        mime: 'image/png',
        bytes: 1,
      },
    };
    await runner.addToDraft([{ srcUrl: url(1) }]);
    const job = await runner.addToDraft([ready, { srcUrl: url(2) }]);
    await runner.removeFromDraft(job.id, 0);
    const after = await getCurrentJob();
    expect(after?.images.map((i) => i.source.srcUrl)).toEqual(['capture:1', url(2)]);
    expect((await getPayloads(job.id))[0]).toEqual(ready.payload);
    await runner.removeFromDraft(job.id);
    expect((await getCurrentJob())?.images).toEqual([]);
  });

  it('a follow-up sends the earlier turn and no second copy of the image', async () => {
    const { runner, bodies } = setup();
    const draft = await runner.addToDraft([{ srcUrl: url(7) }], true);
    await runner.send(draft.id, 'What is it?');
    await runner.send(draft.id, 'What brand is the bike?');
    expect(bodies).toHaveLength(2);
    const second = bodies[1] as ChatBody;
    expect(second.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.stringify(second).split(url(7)).length - 1).toBe(1);
    expect(await getCurrentJob()).toMatchObject({
      turns: [{ question: 'What is it?', answer: 'answer 1' }],
      prompt: 'What brand is the bike?',
      text: 'answer 2',
    });
  });

  it('"Ask about this image…" starts a new draft, even after an answer', async () => {
    const { runner } = setup();
    const first = await runner.addToDraft([{ srcUrl: url(1) }], true);
    await runner.send(first.id, 'Q');
    const second = await runner.addToDraft([{ srcUrl: url(2) }], true);
    expect(second.id).not.toBe(first.id);
    expect(second.images.map((i) => i.source.srcUrl)).toEqual([url(2)]);
  });
});
