import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  capHistory,
  clearHistory,
  deleteHistoryEntry,
  entryFor,
  HISTORY_MAX_ENTRIES,
  type HistoryEntry,
  historyItem,
  recordJob,
  searchHistory,
  totalSpend,
} from '../../utils/history';
import type { Job } from '../../utils/jobs/types';

function job(id: string, overrides: Partial<Job> = {}): Job {
  return {
    id,
    task: 'describe',
    prompt: 'Describe',
    images: [{ source: { srcUrl: 'https://x/a.png', pageUrl: 'https://news.example/a' } }],
    turns: [],
    status: 'done',
    text: `answer ${id}`,
    model: 'm/1',
    usage: { cost: 0.001 },
    createdAt: 1,
    updatedAt: 2,
    ...overrides,
  };
}
function entry(id: string, answer = 'a'): HistoryEntry {
  return { id, question: 'q', answer, model: 'm', time: 1 };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('history', () => {
  it('records finished jobs newest first, with question, answer, model, cost and page', async () => {
    await recordJob(job('1'));
    await recordJob(
      job('2', {
        images: [
          {
            source: { srcUrl: 'https://x/a.png', pageUrl: 'https://news.example/a' },
            thumbnail: 'data:image/jpeg;base64,AAA',
          },
        ],
      }),
    );
    const entries = await historyItem.getValue();
    expect(entries.map((e) => e.id)).toEqual(['2', '1']);
    expect(entries[0]).toMatchObject({
      question: 'Describe',
      answer: 'answer 2',
      model: 'm/1',
      cost: 0.001,
      pageUrl: 'https://news.example/a',
      thumbnail: 'data:image/jpeg;base64,AAA',
    });
  });

  it.each([
    ['a failed job', { status: 'error' as const, text: '' }],
    ['a private-window job', { images: [{ source: { srcUrl: 'x', incognito: true } }] }],
    ['an empty answer', { text: '' }],
  ])('does not keep %s', (_name, overrides) => {
    expect(entryFor(job('x', overrides))).toBeNull();
  });

  it(`keeps at most ${HISTORY_MAX_ENTRIES} entries`, async () => {
    for (let i = 0; i < HISTORY_MAX_ENTRIES + 5; i++) await recordJob(job(String(i)));
    const entries = await historyItem.getValue();
    expect(entries).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(entries[0]?.id).toBe(String(HISTORY_MAX_ENTRIES + 4));
  });

  it('drops the oldest entries past the byte cap', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(String(i), 'x'.repeat(1000)));
    const kept = capHistory(entries, 100, 5000);
    expect(kept.map((e) => e.id)).toEqual(['0', '1', '2', '3']);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(5000);
  });

  it('searches, deletes one, clears all, and sums the spend', async () => {
    await recordJob(job('cat', { text: 'A cat on a mat', usage: { cost: 0.002 } }));
    await recordJob(job('dog', { text: 'A dog', usage: { cost: 0.003 } }));
    const all = await historyItem.getValue();
    expect(searchHistory(all, 'CAT').map((e) => e.id)).toEqual(['cat']);
    expect(totalSpend(all)).toBeCloseTo(0.005);
    await deleteHistoryEntry('cat');
    expect((await historyItem.getValue()).map((e) => e.id)).toEqual(['dog']);
    await clearHistory();
    expect(await historyItem.getValue()).toEqual([]);
  });
});
