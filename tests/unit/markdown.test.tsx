import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../components/Markdown';
import { parseMarkdown } from '../../utils/markdown';

describe('parseMarkdown', () => {
  it('parses the usual answer shapes', () => {
    const blocks = parseMarkdown(
      '# Title\n\nA **bold** and *em* `code`.\n\n- one\n- two\n\n1. a\n2. b\n\n```\nx < y\n```\n> quote',
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'code',
      'quote',
    ]);
  });

  it('renders a table as a table: header cells, rows, alignment, inline marks inside', () => {
    const text =
      'Sales by year:\n| Year | Sales | Note |\n| :--- | ---: | :-: |\n| 2023 | **12** | a \\| b |\n| 2024 | 15 |\n\nAfter.';
    const { container, getAllByRole, getByRole } = render(<Markdown text={text} />);
    expect(container.querySelector('p')?.textContent).toBe('Sales by year:');
    expect(getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Year',
      'Sales',
      'Note',
    ]);
    const rows = getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((td) => td.textContent))).toEqual([
      ['2023', '12', 'a | b'],
      ['2024', '15', ''],
    ]);
    expect(getByRole('table').querySelector('strong')?.textContent).toBe('12');
    expect(getAllByRole('columnheader')[1]?.className).toBe('align-right');
    expect(getAllByRole('columnheader')[2]?.className).toBe('align-center');
    expect(container.lastElementChild?.textContent).toBe('After.');
  });

  it('a table whose delimiter row has not arrived yet (mid-stream) is text; pipes in prose stay', () => {
    expect(parseMarkdown('| Year | Sales |\n| --').map((b) => b.type)).toEqual(['paragraph']);
    expect(parseMarkdown('Use a | b here.\n---').map((b) => b.type)).not.toContain('table');
  });

  it('***bold italic*** is both, with no stray asterisks', () => {
    const { container } = render(<Markdown text="A ***very*** big deal" />);
    expect(container.textContent).toBe('A very big deal');
    expect(container.querySelector('strong em')?.textContent).toBe('very');
  });

  it('leaves half-written syntax (mid-stream) as text', () => {
    const { container } = render(<Markdown text="A **bold wor" />);
    expect(container.textContent).toBe('A **bold wor');
    expect(container.querySelector('strong')).toBeNull();
  });
});

/** Model output is untrusted: none of this may become live markup in the popup. */
const XSS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '[click](javascript:window.__pwned=1)',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![tracker](https://evil.example/pixel.gif)',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '**<b onmouseover=alert(1)>bold</b>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '[a](https://ok.example/"onmouseover="alert(1))',
];

describe('Markdown rendering of hostile model output', () => {
  it.each(XSS)('renders %s inertly', (payload) => {
    const { container } = render(<Markdown text={`Before ${payload} after`} />);
    const allowed = new Set([
      'P',
      'STRONG',
      'EM',
      'DEL',
      'CODE',
      'PRE',
      'A',
      'SPAN',
      'UL',
      'OL',
      'LI',
      'BLOCKQUOTE',
      'H3',
      'H4',
      'H5',
      'H6',
      'HR',
      'BR',
    ]);
    for (const element of container.querySelectorAll('*')) {
      expect(allowed.has(element.tagName), element.tagName).toBe(true);
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
        expect(['href', 'target', 'rel', 'start'].includes(attribute.name), attribute.name).toBe(
          true,
        );
      }
    }
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(container.querySelector('img, script, iframe, svg')).toBeNull();
  });

  it('keeps safe links as links', () => {
    const { container } = render(
      <Markdown text="See [the docs](https://openrouter.ai/docs) or https://example.com/a." />,
    );
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://openrouter.ai/docs', 'https://example.com/a']);
  });
});
