import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { isActive, type Job } from '../utils/jobs/types';
import type { OptionsField } from '../utils/options-focus';
import { AltTextOutcome } from './AltTextOutcome';
import { Countdown } from './Countdown';
import { ErrorNotice } from './ErrorNotice';
import { ImageTray } from './ImageTray';
import { Markdown } from './Markdown';
import { QuestionBox } from './QuestionBox';
import { SentenceAnnouncer } from './SentenceAnnouncer';

export interface JobViewProps {
  job: Job;
  onStop: () => void;
  onRetry: () => void;
  /** Opens Options, at the field a next step names. */
  onOpenOptions: (field?: OptionsField) => void;
  /** Resolves truthy once the question was taken (null when it did not get through). */
  onSend: (question: string) => Promise<unknown> | undefined;
  onRemoveImage: (index?: number) => void;
  onNewQuestion: () => void;
  onCapture: () => void;
  /** One-click switch to an image-capable model (for 'model-cannot-see-images'). */
  onSwitchModel?: () => void;
  copy?: (text: string) => Promise<void>;
}

const STATUS_TEXT: Record<Job['status'], (job: Job) => string> = {
  draft: (job) => (job.images.length ? t('statusAskQuestion') : t('statusAddPicture')),
  acquiring: (job) =>
    job.images.length > 1 ? t('statusGettingImages', job.images.length) : t('statusGettingImage'),
  requesting: (job) => t('statusAsking', job.model),
  streaming: () => t('statusWriting'),
  done: () => t('statusDone'),
  stopped: () => t('statusStopped'),
  error: () => t('statusFailed'),
};

/** Formats a USD cost the way people read small amounts. */
export function formatCost(cost: number): string {
  if (cost === 0) return t('costFree');
  return `$${cost < 0.01 ? cost.toFixed(5) : cost.toFixed(3)}`;
}

/** The current job: its images, the conversation so far, the live answer and what to do next. */
export function JobView({
  job,
  onStop,
  onRetry,
  onOpenOptions,
  onSend,
  onRemoveImage,
  onNewQuestion,
  onCapture,
  onSwitchModel,
  copy,
}: JobViewProps) {
  const [copied, setCopied] = useState(false);
  const active = isActive(job);
  const draft = job.status === 'draft';
  const showQuestion = job.task === 'ask' || job.turns.length > 0;
  const answer = useRef<HTMLElement>(null);
  const wasActive = useRef(active);
  useEffect(() => {
    // Focus moves to the result once it is complete (not while it streams).
    if (wasActive.current && !active && job.status === 'done') answer.current?.focus();
    wasActive.current = active;
  }, [active, job.status]);
  const doCopy = async () => {
    await (copy ?? ((text: string) => navigator.clipboard.writeText(text)))(job.text);
    setCopied(true);
  };
  return (
    <article class="job" aria-busy={active}>
      <div class="job-head">
        <ImageTray images={job.images} onRemove={draft ? onRemoveImage : undefined} />
        <p class="status" role="status">
          {active && <span class="spinner" aria-hidden="true" />}
          {job.retry ? (
            <>
              {t('retryBusyBefore')} <Countdown at={job.retry.at} />{' '}
              {t('retryBusyAfter', [job.retry.attempt, job.retry.of])}
            </>
          ) : (
            STATUS_TEXT[job.status](job)
          )}
        </p>
      </div>
      {job.turns.map((turn, i) => (
        <section key={i} class="turn" aria-label={t('questionNumber', i + 1)}>
          <p class="asked">{turn.question}</p>
          <Markdown text={turn.answer} />
        </section>
      ))}
      {draft ? (
        <>
          <QuestionBox
            key={job.id}
            label={t('questionLabel')}
            autoFocus
            initial={job.prompt}
            draftKey={`${job.id}:draft`}
            disabled={job.images.length === 0}
            onSend={onSend}
          />
          <div class="actions">
            <button type="button" class="secondary" onClick={onCapture}>
              {t('captureRegion')}
            </button>
          </div>
        </>
      ) : (
        <>
          {showQuestion && job.prompt && <p class="asked">{job.prompt}</p>}
          {job.text && (
            // Not a live region: screen readers hear it a sentence at a time (SentenceAnnouncer).
            <section class="answer" aria-label={t('answerLabel')} tabIndex={-1} ref={answer}>
              <Markdown text={job.text} />
            </section>
          )}
          <SentenceAnnouncer text={job.text} final={!active} />
          {job.task === 'alt-text' && <AltTextOutcome job={job} copy={copy} />}
          {job.finishReason === 'length' && <p class="note">{t('answerCutOff')}</p>}
          {job.error && job.status !== 'stopped' && (
            <ErrorNotice
              error={job.error}
              onRetry={onRetry}
              onOpenOptions={onOpenOptions}
              onSwitchModel={onSwitchModel}
              onCapture={onCapture}
            />
          )}
          {(job.status === 'done' || job.status === 'stopped') && (
            <p class="meta">
              <span>{job.model}</span>
              {job.usage?.cost !== undefined && <span> · {formatCost(job.usage.cost)}</span>}
            </p>
          )}
          <div class="actions">
            {active && (
              <button type="button" onClick={onStop}>
                {t('stop')}
              </button>
            )}
            {job.text && (
              <button type="button" onClick={() => void doCopy()}>
                {copied ? t('copied') : t('copy')}
              </button>
            )}
            {job.status === 'stopped' && (
              <button type="button" onClick={onRetry}>
                {t('tryAgain')}
              </button>
            )}
            <button type="button" class="secondary" onClick={onNewQuestion}>
              {t('newQuestion')}
            </button>
          </div>
          {job.status === 'done' && job.images.length > 0 && (
            <QuestionBox
              key={`${job.id}:${job.turns.length}`}
              label={t('askFollowUp')}
              draftKey={`${job.id}:${job.turns.length}`}
              onSend={onSend}
            />
          )}
        </>
      )}
    </article>
  );
}
