import { describe, expect, it } from 'vitest';
import { nextSentences } from '../../../components/sentences';

describe('nextSentences', () => {
  it('speaks nothing until a sentence is complete', () => {
    expect(nextSentences('The sky is', 0, false)).toEqual({ speak: '', upTo: 0 });
    // A period at the very end may still be "3.5" or "e.g." being written.
    expect(nextSentences('The sky is blue.', 0, false)).toEqual({ speak: '', upTo: 0 });
  });

  it('speaks each completed sentence once, without Markdown marks', () => {
    const first = nextSentences('The **sky** is blue. A bird', 0, false);
    expect(first.speak).toBe('The sky is blue.');
    const second = nextSentences('The **sky** is blue. A bird flies. Then', first.upTo, false);
    expect(second.speak).toBe('A bird flies.');
    expect(nextSentences('The **sky** is blue. A bird flies. Then', second.upTo, false).speak).toBe(
      '',
    );
  });

  it('speaks the rest when the answer is final', () => {
    const { upTo } = nextSentences('One. Two', 0, false);
    expect(nextSentences('One. Two', upTo, true)).toEqual({ speak: 'Two', upTo: 8 });
  });

  it('reads a table a row at a time, its cells apart, its delimiter row not at all', () => {
    const text = '| Year | Sales |\n|---|---:|\n| 2023 | 12 |\n| 2024 | 15 |';
    expect(nextSentences(text, 0, true).speak).toBe('Year, Sales. 2023, 12. 2024, 15.');
    // A pipe in prose is no table.
    expect(nextSentences('A sign: OPEN | CLOSED.', 0, true).speak).toBe('A sign: OPEN | CLOSED.');
  });

  it('a long run of spaces and dashes does not stall the live region', () => {
    const started = Date.now();
    nextSentences(`|${' '.repeat(3000)}-${' '.repeat(3000)}x`, 0, true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not split decimals', () => {
    expect(nextSentences('It costs 3.50 dollars', 0, false).speak).toBe('');
  });
});
