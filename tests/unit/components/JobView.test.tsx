import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { adviceFor } from '../../../components/error-advice';
import { formatCost, JobView } from '../../../components/JobView';
import type { IrisErrorCode } from '../../../utils/errors';
import type { Job } from '../../../utils/jobs/types';

const base: Job = {
  id: 'j',
  task: 'describe',
  prompt: 'Describe',
  source: { srcUrl: 'https://a.example.com/p.jpg' },
  thumbnail: 'https://a.example.com/p.jpg',
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
    expect(onOpenOptions).toHaveBeenCalled();
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

describe('adviceFor', () => {
  const codes: IrisErrorCode[] = [
    'no-api-key',
    'invalid-key',
    'insufficient-credits',
    'bad-model',
    'model-cannot-see-images',
    'moderated',
    'rate-limited',
    'timeout',
    'network',
    'provider',
    'image-unreachable',
    'image-too-large',
    'unsupported-image',
    'bad-request',
    'bad-response',
    'content-filter',
    'stopped',
    'interrupted',
    'internal',
  ];
  it.each(codes)('%s has a sentence and a next action (or says why there is none)', (code) => {
    const advice = adviceFor({ code, message: '', details: {} });
    expect(advice.sentence.length).toBeGreaterThan(10);
    if (!['image-too-large', 'unsupported-image'].includes(code))
      expect(advice.actions.length).toBeGreaterThan(0);
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
