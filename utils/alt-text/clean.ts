/** Default longest alt text: screen readers read longer ones, but 125 is the usual guidance. */
export const DEFAULT_ALT_MAX_LENGTH = 125;

const LEADING_FILLER = [
  /^(here is|here's)\s+(an?\s+)?(alt(ernative)? text|description)\s*(for this image)?\s*[:：-]\s*/i,
  /^alt(ernative)?\s*text\s*[:：-]\s*/i,
  /^(an?|the)\s+(image|picture|photo(graph)?|graphic|illustration)\s+(of|showing|that shows|depicting)\s+/i,
  /^(image|picture|photo(graph)?|graphic)\s+(of|showing|depicting)\s+/i,
  /^this\s+(image|picture|photo(graph)?)\s+(shows|depicts|contains)\s+/i,
];

const QUOTES = /^["'“”‘’«»「」『』`*_]+|["'“”‘’«»「」『』`*_]+$/g;

/**
 * Markdown inside the answer (models bold their first words: "**A red bike.** It leans…"):
 * each mark goes, its words stay. A lone `*` or `_` between words (5 * 3, snake_case) stays.
 */
const INLINE_MARKDOWN: [RegExp, string][] = [
  [/!?\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/(\*\*|__|~~)(.+?)\1/g, '$2'],
  [/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2'],
  [/`([^`]*)`/g, '$1'],
  // Marks left unpaired (an answer cut short) mean nothing to a screen reader.
  [/\*\*|__|~~/g, ''],
  // A list item or a quote: its words.
  [/^\s*(?:[-*+>]|\d+[.)])\s+/, ''],
];

/**
 * Turns a model's answer into an alt attribute: one line, no Markdown or wrapping quotes,
 * no "image of" (screen readers already say "image"), first letter capitalised, and at
 * most `maxLength` characters, cut at a word boundary with an ellipsis.
 */
export function cleanAltText(raw: string, maxLength = DEFAULT_ALT_MAX_LENGTH): string {
  let text = raw.replace(/\s+/g, ' ').trim();
  for (const [pattern, words] of INLINE_MARKDOWN) text = text.replace(pattern, words);
  text = text
    .replace(/^#+\s*/, '')
    .replace(QUOTES, '')
    .trim();
  for (let changed = true; changed; ) {
    const before = text;
    for (const pattern of LEADING_FILLER) text = text.replace(pattern, '');
    text = text.replace(QUOTES, '').trim();
    changed = text !== before;
  }
  const first = text.charAt(0);
  text = first.toLocaleUpperCase() + text.slice(first.length);
  return truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  const cut = chars.slice(0, maxLength - 1).join('');
  const space = cut.lastIndexOf(' ');
  const head = space > maxLength * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}
