import { useState } from 'preact/hooks';
import { isActive, type Job } from '../utils/jobs/types';
import { ErrorNotice } from './ErrorNotice';
import { Markdown } from './Markdown';

export interface JobViewProps {
  job: Job;
  onStop: () => void;
  onRetry: () => void;
  onOpenOptions: () => void;
  /** One-click switch to an image-capable model (for 'model-cannot-see-images'). */
  onSwitchModel?: () => void;
  copy?: (text: string) => Promise<void>;
}

const STATUS_TEXT: Record<Job['status'], (job: Job) => string> = {
  acquiring: () => 'Getting the image…',
  requesting: (job) => `Asking ${job.model}…`,
  streaming: () => 'Writing…',
  done: () => 'Done.',
  stopped: () => 'Stopped.',
  error: () => 'Failed.',
};

/** Formats a USD cost the way people read small amounts. */
export function formatCost(cost: number): string {
  if (cost === 0) return 'free';
  return `$${cost < 0.01 ? cost.toFixed(5) : cost.toFixed(3)}`;
}

export function JobView({
  job,
  onStop,
  onRetry,
  onOpenOptions,
  onSwitchModel,
  copy,
}: JobViewProps) {
  const [copied, setCopied] = useState(false);
  const active = isActive(job);
  const doCopy = async () => {
    await (copy ?? ((text: string) => navigator.clipboard.writeText(text)))(job.text);
    setCopied(true);
  };
  return (
    <article class="job" aria-busy={active}>
      <div class="job-head">
        {job.thumbnail ? (
          <img class="thumb" src={job.thumbnail} alt="What you asked about" />
        ) : (
          <div class="thumb placeholder" aria-hidden="true" />
        )}
        <p class="status" role="status">
          {active && <span class="spinner" aria-hidden="true" />}
          {STATUS_TEXT[job.status](job)}
        </p>
      </div>
      {job.text && (
        <section class="answer" aria-label="Answer" aria-live="polite">
          <Markdown text={job.text} />
        </section>
      )}
      {job.finishReason === 'length' && (
        <p class="note">The answer was cut off at the length limit.</p>
      )}
      {job.error && job.status !== 'stopped' && (
        <ErrorNotice
          error={job.error}
          onRetry={onRetry}
          onOpenOptions={onOpenOptions}
          onSwitchModel={onSwitchModel}
        />
      )}
      {!active && (job.status === 'done' || job.status === 'stopped') && (
        <p class="meta">
          <span>{job.model}</span>
          {job.usage?.cost !== undefined && <span> · {formatCost(job.usage.cost)}</span>}
        </p>
      )}
      <div class="actions">
        {active && (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        )}
        {job.text && (
          <button type="button" onClick={() => void doCopy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        )}
        {job.status === 'stopped' && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </article>
  );
}
