import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { type Block, type Inline, parseMarkdown, safeHref } from '../utils/markdown';

/**
 * Renders untrusted model output. No HTML string ever reaches the DOM: each node becomes
 * an element from a fixed set, text is escaped by Preact, and links are re-checked here.
 */
export function Markdown({ text }: { text: string }) {
  // Earlier answers stay the same while a new one streams: parse them once.
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <>{blocks.map(renderBlock)}</>;
}

function renderBlock(block: Block, key: number): ComponentChildren {
  switch (block.type) {
    case 'heading': {
      // Answers sit under the popup's own heading: start theirs one level down.
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3';
      return <Tag key={key}>{block.children.map(renderInline)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{block.children.map(renderInline)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item.map(renderInline)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map(renderBlock)}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    case 'table': {
      const cell = (Tag: 'th' | 'td', content: Inline[], c: number) => (
        <Tag
          key={c}
          scope={Tag === 'th' ? 'col' : undefined}
          class={block.align[c] && `align-${block.align[c]}`}
        >
          {content.map(renderInline)}
        </Tag>
      );
      return (
        <table key={key} class="md-table">
          <thead>
            <tr>{block.head.map((content, c) => cell('th', content, c))}</tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>{row.map((content, c) => cell('td', content, c))}</tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}

function renderInline(node: Inline, key: number): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'strong':
      return <strong key={key}>{node.children.map(renderInline)}</strong>;
    case 'em':
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case 'del':
      return <del key={key}>{node.children.map(renderInline)}</del>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const href = safeHref(node.href);
      if (!href) return <span key={key}>{node.children.map(renderInline)}</span>;
      return (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {node.children.map(renderInline)}
        </a>
      );
    }
  }
}
