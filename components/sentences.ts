import { DELIMITER_ROW } from '../utils/markdown';

/**
 * Splits streamed text into what a screen reader should hear next: only whole sentences,
 * so a live region speaks "The sky is blue." once instead of every token. Markdown marks
 * are dropped, because a screen reader would read them aloud.
 */
export function nextSentences(
  text: string,
  announcedUpTo: number,
  final: boolean,
): { speak: string; upTo: number } {
  const rest = text.slice(announcedUpTo);
  let end = final ? rest.length : 0;
  if (!final) {
    const boundary = /[.!?…。！？](?=\s|$)|\n\s*\n/g;
    for (let match = boundary.exec(rest); match; match = boundary.exec(rest)) {
      // A boundary at the very end may be a decimal point or "e.g." still being written.
      if (match.index + match[0].length < rest.length) end = match.index + match[0].length;
    }
  }
  const speak = stripMarkdown(rest.slice(0, end));
  return { speak, upTo: announcedUpTo + end };
}

/**
 * A table is heard a row at a time, its cells apart ("2023, 12."), its delimiter row not at
 * all; other lines, a pipe in prose too, as they are.
 */
function spokenRow(line: string): string {
  if (!line.trimStart().startsWith('|')) return line;
  if (DELIMITER_ROW.test(line)) return '';
  const cells = line
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean);
  return cells.length ? `${cells.join(', ')}.` : '';
}

function stripMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .map(spokenRow)
    .join('\n')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
