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
