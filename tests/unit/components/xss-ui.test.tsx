import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JobView } from '../../../components/JobView';
import { HistorySection } from '../../../components/options/HistorySection';
import { historyItem } from '../../../utils/history';
import type { Job } from '../../../utils/jobs/types';
import { UI_XSS_PAYLOADS } from '../../fixtures/xss-payloads';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** What a URL parser ignores in a scheme: spaces and C0 controls (`java\tscript:`). */
const withoutControls = (value: string) =>
  [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');

/** Nothing a payload smuggled in is live in the rendered tree. */
function expectInert(root: Element): void {
  expect(window.__pwned).toBeUndefined();
  expect(root.querySelector('script, iframe, object, embed, frame, meta, style, base')).toBeNull();
  for (const element of root.querySelectorAll('*')) {
    for (const attr of element.getAttributeNames()) {
      expect(attr.toLowerCase().startsWith('on'), `${element.tagName} ${attr}`).toBe(false);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const value = withoutControls(element.getAttribute(name) ?? '').toLowerCase();
      expect(value.startsWith('javascript:'), `${element.tagName} ${name}=${value}`).toBe(false);
      expect(value.startsWith('data:text'), `${element.tagName} ${name}=${value}`).toBe(false);
    }
  }
}

const handlers = () => ({
  onStop: vi.fn(),
  onRetry: vi.fn(),
  onOpenOptions: vi.fn(),
  onSend: vi.fn(),
  onRemoveImage: vi.fn(),
  onNewQuestion: vi.fn(),
  onCapture: vi.fn(),
  copy: vi.fn(async () => undefined),
});

function hostileJob(payload: string, overrides: Partial<Job> = {}): Job {
  // A page controls its image URLs (used as the thumbnail when public) and its title.
  const url = `https://evil.example.com/${encodeURIComponent(payload)}?t=${payload}`;
  return {
    id: 'x',
    task: 'describe',
    prompt: `About “${payload}”: ${payload}`,
    images: [
      { source: { srcUrl: payload, pageUrl: payload }, thumbnail: url },
      { source: { srcUrl: url, pageUrl: url } },
    ],
    turns: [{ question: payload, answer: payload }],
    status: 'done',
    text: payload,
    model: payload,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  delete window.__pwned;
});

describe('XSS corpus in what the page controls (popup and options)', () => {
  it('has at least 20 payloads', () => {
    expect(UI_XSS_PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(UI_XSS_PAYLOADS)('popup answer, question, thumbnail: %s', (payload) => {
    const { container } = render(<JobView job={hostileJob(payload)} {...handlers()} />);
    expectInert(container);
    // Shown as text, not parsed: the payload's characters are all still there.
    expect(container.textContent).toContain(payload.trim());
  });

  it.each(UI_XSS_PAYLOADS)('popup error details and steps: %s', (payload) => {
    const { container } = render(
      <JobView
        job={hostileJob(payload, {
          status: 'error',
          text: '',
          error: {
            code: 'image-unreachable',
            message: payload,
            details: { providerMessage: payload, steps: [payload, `fetched ${payload}`] },
          },
        })}
        {...handlers()}
      />,
    );
    expectInert(container);
    expect(screen.getByRole('alert').textContent).toContain(payload.trim());
  });

  it.each(UI_XSS_PAYLOADS)('popup alt-text outcome: %s', (payload) => {
    const { container } = render(
      <JobView
        job={hostileJob(payload, {
          task: 'alt-text',
          altText: { text: payload, written: true },
        })}
        {...handlers()}
      />,
    );
    expectInert(container);
    expect(container.querySelector('.alt-outcome')?.textContent).toContain(payload.trim());
  });

  it.each(UI_XSS_PAYLOADS)('options history (page URL, question, answer): %s', async (payload) => {
    await historyItem.setValue([
      {
        id: 'a',
        question: payload,
        answer: payload,
        model: payload,
        pageUrl: payload,
        thumbnail: `https://evil.example.com/${encodeURIComponent(payload)}`,
        time: 1,
      },
      {
        id: 'b',
        question: 'q',
        answer: 'a',
        model: 'm',
        pageUrl: `https://evil.example.com/?title=${payload}`,
        time: 2,
      },
    ]);
    const { container } = render(<HistorySection />);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Past answers' })).toBeTruthy());
    expectInert(container);
    expect(container.textContent).toContain(payload.trim());
  });
});
