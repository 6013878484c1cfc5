/**
 * A small Markdown parser for model answers. It produces a tree of plain data, never HTML:
 * the renderer (components/Markdown.tsx) turns each node into an element of a fixed set,
 * so raw HTML, scripts, event handlers and unsafe links in model output cannot exist in the
 * page — they stay visible text. Half-written syntax mid-stream also stays text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

/** A table column's alignment, from its delimiter cell (`:--`, `:-:`, `--:`). */
export type Align = 'left' | 'center' | 'right' | undefined;

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  /** A GFM table: models answer "Explain this chart" with one more often than not. */
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' };

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Only http(s) and mailto links survive; anything else (javascript:, data:, …) becomes text. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (!SAFE_LINK.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(fence[1] ?? '```'))
        body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({
        type: 'heading',
        level: (heading[1]?.length ?? 1) as 1,
        children: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? ''))
        body.push((lines[i++] ?? '').replace(/^\s*>\s?/, ''));
      blocks.push({ type: 'quote', children: parseMarkdown(body.join('\n')) });
      continue;
    }
    if (tableStarts(line, lines[i + 1])) {
      const head = cells(line);
      const align = cells(lines[i + 1] ?? '').map(alignOf);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').includes('|') && !startsBlock(lines[i] ?? '')) {
        // As many cells as the header: a short row is filled, a long one cut (as GFM does).
        const row = cells(lines[i++] ?? '');
        rows.push(head.map((_, c) => parseInline(row[c] ?? '')));
      }
      blocks.push({ type: 'table', align, head: head.map((cell) => parseInline(cell)), rows });
      continue;
    }
    const item = listItem(line);
    if (item) {
      const items: Inline[][] = [];
      while (i < lines.length) {
        const next = listItem(lines[i] ?? '');
        if (next && next.ordered === item.ordered) {
          items.push(parseInline(next.text));
        } else if ((lines[i] ?? '').trim() && /^\s{2,}/.test(lines[i] ?? '') && items.length) {
          // A continuation line of the previous item.
          items[items.length - 1]?.push(
            { type: 'text', text: ' ' },
            ...parseInline((lines[i] ?? '').trim()),
          );
        } else break;
        i++;
      }
      blocks.push({ type: 'list', ordered: item.ordered, start: item.start, items });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() &&
      !startsBlock(lines[i] ?? '') &&
      !tableStarts(lines[i] ?? '', lines[i + 1])
    )
      para.push(lines[i++] ?? '');
    blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
  }
  return blocks;
}

/** A table's delimiter row: `| --- | :-: |` (the pipes at the ends may be left out). */
export const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** A header row followed by its delimiter row, with as many cells: until then it is text. */
function tableStarts(line: string, next: string | undefined): boolean {
  return (
    line.includes('|') &&
    !!next?.includes('|') &&
    DELIMITER_ROW.test(next ?? '') &&
    cells(line).length === cells(next ?? '').length
  );
}

/** A row's cells: the outer pipes dropped, split at the others (`\|` is a literal pipe). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function alignOf(delimiter: string): Align {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : undefined;
}

function listItem(line: string): { ordered: boolean; start: number; text: string } | undefined {
  const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { ordered: false, start: 1, text: bullet[1] ?? '' };
  const numbered = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/.exec(line);
  if (numbered) return { ordered: true, start: Number(numbered[1]), text: numbered[2] ?? '' };
  return undefined;
}

function startsBlock(line: string): boolean {
  return (
    /^\s*(```|~~~|#{1,6}\s|>)/.test(line) ||
    !!listItem(line) ||
    /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)
  );
}

const INLINE_RULES: { pattern: RegExp; build: (m: RegExpExecArray) => Inline }[] = [
  { pattern: /`([^`\n]+)`/, build: (m) => ({ type: 'code', text: m[1] ?? '' }) },
  {
    pattern: /\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/,
    build: (m) => ({
      type: 'strong',
      children: [{ type: 'em', children: parseInline(m[1] ?? '') }],
    }),
  },
  {
    pattern: /\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__/,
    build: (m) => ({ type: 'strong', children: parseInline(m[1] ?? m[2] ?? '') }),
  },
  {
    pattern: /~~(?=\S)([\s\S]*?\S)~~/,
    build: (m) => ({ type: 'del', children: parseInline(m[1] ?? '') }),
  },
  {
    pattern: /\*(?=\S)([^*]*?\S)\*|\b_(?=\S)([^_]*?\S)_\b/,
    build: (m) => ({ type: 'em', children: parseInline(m[1] ?? m[2] ?? '') }),
  },
  {
    pattern: /!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/,
    build: (m) => {
      // Links to anything but http(s)/mailto, and images (never loaded), become their text.
      const href = m[0].startsWith('!') ? undefined : safeHref(m[2] ?? '');
      const label = m[1] || m[2] || '';
      return href
        ? { type: 'link', href, children: parseInline(label) }
        : { type: 'text', text: label };
    },
  },
  {
    pattern: /https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/,
    build: (m) => {
      const href = safeHref(m[0]);
      return href
        ? { type: 'link', href, children: [{ type: 'text', text: m[0] }] }
        : { type: 'text', text: m[0] };
    },
  },
  { pattern: / {2,}\n|\\\n/, build: () => ({ type: 'br' }) },
];

/** Parses inline syntax: the earliest match wins, text between matches stays text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  while (rest) {
    let best: { index: number; length: number; node: Inline } | undefined;
    for (const rule of INLINE_RULES) {
      const match = rule.pattern.exec(rest);
      if (match && (!best || match.index < best.index))
        best = { index: match.index, length: match[0].length, node: rule.build(match) };
    }
    if (!best) {
      pushText(out, rest);
      break;
    }
    pushText(out, rest.slice(0, best.index));
    out.push(best.node);
    rest = rest.slice(best.index + best.length);
  }
  return out;
}

function pushText(out: Inline[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}
