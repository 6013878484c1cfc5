import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adviceFor } from '../../../components/error-advice';
import { formatCost, JobView } from '../../../components/JobView';
import type { Job } from '../../../utils/jobs/types';
import { ERROR_CODES } from './error-codes';

const base: Job = {
  id: 'j',
  task: 'describe',
  prompt: 'Describe',
  images: [
    { source: { srcUrl: 'https://a.example.com/p.jpg' }, thumbnail: 'https://a.example.com/p.jpg' },
  ],
  turns: [],
  status: 'streaming',
  text: 'A **red** square',
  model: 'openai/gpt-4o-mini',
  createdAt: 1,
  updatedAt: 1,
};

function view(job: Partial<Job>) {
  const handlers = {
    onStop: vi.fn(),
    onRetry: vi.fn(),
    onOpenOptions: vi.fn(),
    onSend: vi.fn(),
    onRemoveImage: vi.fn(),
    onNewQuestion: vi.fn(),
    onCapture: vi.fn(),
    copy: vi.fn(async () => undefined),
  };
  render(<JobView job={{ ...base, ...job }} {...handlers} />);
  return handlers;
}

describe('JobView', () => {
  it('while streaming: the answer region, a status and Stop', () => {
    const { onStop } = view({});
    expect(screen.getByRole('status').textContent).toContain('Writing');
    expect(screen.getByRole('region', { name: 'Answer' }).textContent).toBe('A red square');
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalled();
    expect(screen.getByRole('img', { name: 'What you asked about' })).toBeTruthy();
  });

  it('when done: model, cost and Copy (no Stop)', async () => {
    const { copy } = view({ status: 'done', usage: { cost: 0.00024 } });
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.getByText(/openai\/gpt-4o-mini/)).toBeTruthy();
    expect(screen.getByText(/\$0\.00024/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(copy).toHaveBeenCalledWith('A **red** square');
  });

  it('while waiting: a status naming the model, Stop, and no answer yet', () => {
    view({ status: 'requesting', text: '' });
    expect(screen.getByRole('status').textContent).toContain('Asking openai/gpt-4o-mini');
    expect(screen.queryByRole('region', { name: 'Answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
  });

  it('an error: an alert with the sentence and its action', () => {
    const { onOpenOptions } = view({
      status: 'error',
      text: '',
      error: {
        code: 'invalid-key',
        message: 'User not found.',
        details: { providerMessage: 'User not found.' },
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('did not accept your API key');
    expect(alert.textContent).toContain('User not found.');
    fireEvent.click(screen.getByRole('button', { name: 'Enter a new API key' }));
    expect(onOpenOptions).toHaveBeenCalledWith('api-key');
  });

  it('stopped: keeps the text and offers Try again', () => {
    const { onRetry } = view({
      status: 'stopped',
      error: { code: 'stopped', message: 'Stopped.', details: {} },
    });
    expect(screen.getByRole('region', { name: 'Answer' }).textContent).toBe('A red square');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });
});

describe('JobView, asking questions', () => {
  const images = [1, 2, 3].map((n) => ({
    source: { srcUrl: `https://a.example.com/${n}.jpg` },
    thumbnail: `https://a.example.com/${n}.jpg`,
  }));

  it('a draft: the tray with Remove and Clear all, the preset question, Send', () => {
    const { onSend, onRemoveImage } = view({
      task: 'ask',
      status: 'draft',
      text: '',
      prompt: 'Describe this',
      images,
    });
    expect(screen.getByRole('list', { name: 'Images in this question (3)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove picture 2' }));
    expect(onRemoveImage).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(onRemoveImage).toHaveBeenLastCalledWith();
    const box = screen.getByRole('textbox', { name: 'Question' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Describe this');
    fireEvent.input(box, { target: { value: 'Which is the cheapest-looking?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('Which is the cheapest-looking?');
  });

  it('a draft without images cannot be sent, and offers a capture', () => {
    const { onCapture } = view({ task: 'ask', status: 'draft', text: '', images: [] });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Capture a region' }));
    expect(onCapture).toHaveBeenCalled();
  });

  it('after an answer: earlier turns, a follow-up box and New question', () => {
    const { onSend, onNewQuestion } = view({
      task: 'ask',
      status: 'done',
      turns: [{ question: 'What is it?', answer: 'A **bike**.' }],
      prompt: 'What brand is the bike?',
      text: 'It looks like a Brompton.',
    });
    expect(screen.getByRole('region', { name: 'Question 1' }).textContent).toContain('A bike.');
    expect(screen.getByText('What brand is the bike?')).toBeTruthy();
    const followUp = screen.getByRole('textbox', { name: 'Ask a follow-up' });
    fireEvent.input(followUp, { target: { value: 'What colour?' } });
    fireEvent.keyDown(followUp, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('What colour?');
    fireEvent.click(screen.getByRole('button', { name: 'New question' }));
    expect(onNewQuestion).toHaveBeenCalled();
  });

  it('a question typed and not sent is there again when the popup reopens, until the job moves on', async () => {
    fakeBrowser.reset();
    const draft = { task: 'ask' as const, status: 'draft' as const, text: '', prompt: '' };
    view(draft);
    fireEvent.input(screen.getByRole('textbox', { name: 'Question' }), {
      target: { value: 'Which of these is ripe?' },
    });
    cleanup(); // the popup closes
    view(draft);
    const box = screen.getByRole('textbox', { name: 'Question' }) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('Which of these is ripe?'));
    // Another job's box starts from its own text.
    cleanup();
    view({ ...draft, id: 'other', prompt: 'Describe this' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((screen.getByRole('textbox', { name: 'Question' }) as HTMLTextAreaElement).value).toBe(
      'Describe this',
    );
    // The follow-up box under an answer keeps its words too, until the job moves on to its
    // next question (a Send that did not get through finds them again).
    cleanup();
    const answered = { task: 'ask' as const, status: 'done' as const, text: 'Two are.' };
    view(answered);
    fireEvent.input(screen.getByRole('textbox', { name: 'Ask a follow-up' }), {
      target: { value: 'Which two?' },
    });
    cleanup();
    const { onSend } = view(answered);
    const followUp = screen.getByRole('textbox', {
      name: 'Ask a follow-up',
    }) as HTMLTextAreaElement;
    await waitFor(() => expect(followUp.value).toBe('Which two?'));
    fireEvent.keyDown(followUp, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Which two?');
    cleanup();
    view({ ...answered, turns: [{ question: 'Which are ripe?', answer: 'Two are.' }] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      (screen.getByRole('textbox', { name: 'Ask a follow-up' }) as HTMLTextAreaElement).value,
    ).toBe('');
  });

  it('a question taken is forgotten at once; one that did not get through is kept', async () => {
    fakeBrowser.reset();
    // A follow-up whose answer came back empty: the job's next box has the same key as the
    // one the question was sent from, and must not offer the sent words again.
    const answered = { task: 'ask' as const, status: 'done' as const, text: 'Two are.' };
    const ask = async (taken: boolean) => {
      const { onSend } = view(answered);
      onSend.mockResolvedValue(taken ? true : null);
      const box = screen.getByRole('textbox', { name: 'Ask a follow-up' });
      fireEvent.input(box, { target: { value: 'Which two?' } });
      fireEvent.keyDown(box, { key: 'Enter' });
      expect(onSend).toHaveBeenCalledWith('Which two?');
      await new Promise((resolve) => setTimeout(resolve, 20));
      cleanup();
      view(answered);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return (screen.getByRole('textbox', { name: 'Ask a follow-up' }) as HTMLTextAreaElement)
        .value;
    };
    expect(await ask(false)).toBe('Which two?');
    cleanup();
    expect(await ask(true)).toBe('');
  });
});

describe('adviceFor', () => {
  // Without a next action: nothing in Iris would change the outcome (the image itself, or
  // the user's own next move on the page, which the sentence names).
  const noAction = [
    'image-too-large',
    'unsupported-image',
    'no-image',
    'capture-failed',
    'no-focused-image',
  ];
  it.each(ERROR_CODES)(
    '%s has a sentence and a next action (or says why there is none)',
    (code) => {
      const advice = adviceFor({ code, message: '', details: {} });
      expect(advice.sentence.length).toBeGreaterThan(10);
      if (!noAction.includes(code)) expect(advice.actions.length).toBeGreaterThan(0);
    },
  );

  it('a capture failure shows its own sentence (how to let Iris capture the tab)', () => {
    const message = 'Iris may not read this tab yet: press Alt+Shift+S on the page.';
    expect(adviceFor({ code: 'capture-failed', message, details: {} }).sentence).toBe(message);
    expect(adviceFor({ code: 'capture-failed', message: '', details: {} }).sentence).toBe(
      'Iris could not capture this part of the screen.',
    );
  });

  it("a custom endpoint's failures name it and lead to its settings, never to OpenRouter", () => {
    const endpoint = 'localhost:11434';
    // Each lands on the field that most likely needs changing.
    for (const [code, field, status] of [
      ['invalid-key', 'endpoint-key'],
      ['insufficient-credits', 'endpoint-key'],
      ['moderated', 'endpoint-url'],
      ['network', 'endpoint-url'],
      ['bad-model', 'endpoint-model'],
      ['bad-model', 'endpoint-url', 404],
      ['model-cannot-see-images', 'endpoint-model'],
    ] as const) {
      const advice = adviceFor({ code, message: '', details: { endpoint, status } });
      expect(advice.sentence).toContain('custom endpoint (localhost:11434)');
      expect(advice.sentence).not.toContain('OpenRouter');
      expect(advice.actions).toContainEqual({
        kind: 'options',
        label: 'Check the endpoint settings',
        field,
      });
      expect(advice.actions.map((a) => a.kind)).not.toContain('switch-model');
      expect(advice.actions.map((a) => a.kind)).not.toContain('link');
    }
    // Failures that are not the endpoint's own keep their sentence; "choose a model" is its.
    const timeout = adviceFor({ code: 'timeout', message: '', details: { endpoint } });
    expect(timeout.sentence).toBe('The model took too long to answer.');
    expect(timeout.actions.map((a) => a.label)).toEqual([
      'Try again',
      'Check the endpoint settings',
    ]);
    expect(timeout.actions[1]).toMatchObject({ field: 'endpoint-model' });
    // A 404 there is as often a wrong address (no /v1) as an unknown model.
    expect(
      adviceFor({ code: 'bad-model', message: '', details: { endpoint, status: 404 } }).sentence,
    ).toMatch(/answered “not found” \(HTTP 404\): check its address.*\/v1/);
  });

  it('a picture closed to Iris (a frame of another site) offers a region capture, and only that', () => {
    const message =
      'The browser keeps this picture closed to Iris… Capture a region around it instead.';
    const closed = { code: 'image-unreachable' as const, message, details: { capture: true } };
    expect(adviceFor(closed)).toEqual({
      sentence: message,
      actions: [{ kind: 'capture', label: 'Capture a region' }],
    });
    const { onCapture } = view({ status: 'error', text: '', error: closed });
    fireEvent.click(screen.getByRole('button', { name: 'Capture a region' }));
    expect(onCapture).toHaveBeenCalled();
  });

  it('an answer empty at the length limit leads to the longest-answer setting and another model', () => {
    const advice = adviceFor({
      code: 'empty-answer',
      message: 'The model used up the longest answer allowed (1000 tokens)…',
      details: { limit: 1000 },
    });
    expect(advice.sentence).toBe('The model used up the longest answer allowed (1000 tokens)…');
    expect(advice.actions).toEqual([
      { kind: 'options', label: 'Allow longer answers', field: 'max-tokens' },
      { kind: 'options', label: 'Choose another model', field: 'model' },
    ]);
  });

  it('says how long to wait when rate limited', () => {
    expect(
      adviceFor({ code: 'rate-limited', message: '', details: { retryAfterSeconds: 12 } }).sentence,
    ).toContain('12 s');
  });

  it('formats costs', () => {
    expect(formatCost(0)).toBe('free');
    expect(formatCost(0.00024)).toBe('$0.00024');
    expect(formatCost(0.5)).toBe('$0.500');
  });
});
