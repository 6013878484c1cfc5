import { IrisError } from '../errors';
import { t } from '../i18n';
import { acquireImage } from '../image/acquire';
import { logFailure } from '../log';
import type { ImagePayload } from '../openrouter/body';
import { createOpenRouterClient } from '../openrouter/client';
import { defaultPrompt } from '../presets';
import { type JobSettings, readJobSettings } from '../settings';
import { assertAllowed } from '../site-guard';
import { getCurrentJob, saveJob } from './job-store';
import { createJobWriter } from './job-writer';
import { getPayloads, setPayloads } from './payload-store';
import { runTurn, type TurnDeps } from './run-turn';
import { type ImageSource, isActive, type Job, type JobImage } from './types';

export interface JobRunnerDeps extends Partial<TurnDeps> {
  now?: () => number;
  newId?: () => string;
  readSettings?: () => Promise<JobSettings>;
  /** Progress shown on the toolbar button while a job runs. */
  onProgress?: (job: Job) => void;
  /** Runs when a job has its full answer (alt text writes it into the page); its patch is saved. */
  onDone?: (job: Job) => Promise<Partial<Job> | undefined>;
  /** Called once with each job that ended (done, error or stopped), e.g. to keep History. */
  onFinished?: (job: Job) => Promise<void> | void;
}

export interface StartRequest {
  source: ImageSource;
  prompt?: string;
  task?: Job['task'];
  system?: string;
  /** The job fails at once with this (the picture could not even be found). */
  error?: IrisError;
}

/** An image that is already read (a captured region), with its preview. */
export interface ReadyImage {
  source: ImageSource;
  payload: ImagePayload;
  thumbnail?: string;
}

/**
 * Runs jobs: describe at once, or collect images into a draft and ask questions about
 * them, with follow-ups. The only in-memory state is the abort controller of the job in
 * flight, held in this closure; everything a user sees is in `storage.session`.
 */
export function createJobRunner(deps: JobRunnerDeps = {}) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const readSettings = deps.readSettings ?? readJobSettings;
  const turnDeps: TurnDeps = {
    acquire: deps.acquire ?? acquireImage,
    createClient: deps.createClient ?? createOpenRouterClient,
    guard: deps.guard ?? assertAllowed,
  };
  const controllers = new Map<string, AbortController>();

  async function store(job: Job): Promise<void> {
    await saveJob(job);
    deps.onProgress?.(job);
  }

  function stopAll(): void {
    for (const controller of controllers.values()) controller.abort();
  }

  function newJob(
    task: Job['task'],
    images: JobImage[],
    prompt: string,
    model: string,
    status: Job['status'],
  ): Job {
    return {
      id: newId(),
      task,
      images,
      turns: [],
      prompt,
      status,
      text: '',
      model,
      createdAt: now(),
      updatedAt: now(),
    };
  }

  /** Runs the job's current question; resolves when it has ended. */
  async function run(job: Job, settings: JobSettings): Promise<Job> {
    const controller = new AbortController();
    controllers.set(job.id, controller);
    const writer = createJobWriter(job, { save: saveJob, now, onChange: deps.onProgress });
    try {
      // The first write goes out alongside the work (runTurn ends by awaiting every write).
      void writer.flush();
      await runTurn(writer, settings, controller.signal, turnDeps);
      if (writer.job.status === 'done' && deps.onDone) {
        const patch = await deps.onDone(writer.job);
        if (patch) {
          writer.set(patch);
          await writer.flush();
        }
      }
    } finally {
      controllers.delete(job.id);
    }
    await Promise.resolve(deps.onFinished?.(writer.job)).catch(
      logFailure('could not record the finished job', 'error'),
    );
    return writer.job;
  }

  /** Runs the job's current question (again), with the model the settings name now. */
  async function rerun(job: Job, patch: Partial<Job>): Promise<Job> {
    const settings = await readSettings();
    const reset: Partial<Job> = { text: '', status: 'acquiring', error: undefined };
    return run(
      { ...job, ...reset, finishReason: undefined, model: settings.model, ...patch },
      settings,
    );
  }

  /** "Describe image": one image, the default prompt, sent at once. */
  async function start(request: StartRequest): Promise<Job> {
    stopAll();
    const settings = await readSettings();
    const job = newJob(
      request.task ?? 'describe',
      [{ source: request.source }],
      request.prompt ?? defaultPrompt(),
      settings.model,
      'acquiring',
    );
    if (request.error) {
      const failed: Job = { ...job, status: 'error', error: request.error.toJSON() };
      await store(failed);
      return failed;
    }
    return run({ ...job, system: request.system }, settings);
  }

  /** The current draft, or a new one (stopping whatever ran) when there is none. */
  async function draft(): Promise<Job> {
    const current = await getCurrentJob();
    if (current?.status === 'draft') return current;
    stopAll();
    const settings = await readSettings();
    // The question box starts with a question the user can send as it is.
    return newJob('ask', [], t('defaultQuestion'), settings.model, 'draft');
  }

  /** Adds images to the draft (a new one unless a draft is open); returns the draft. */
  async function addToDraft(images: (ImageSource | ReadyImage)[], fresh = false): Promise<Job> {
    const job = fresh ? { ...(await draft()), images: [], id: newId() } : await draft();
    const payloads = job.images.length ? await getPayloads(job.id) : [];
    const added = images.map((image) => ('payload' in image ? image : { source: image }));
    const next: Job = {
      ...job,
      images: [
        ...job.images,
        ...added.map((image) => ({
          source: image.source,
          thumbnail: 'thumbnail' in image ? image.thumbnail : undefined,
          transport: 'payload' in image ? image.payload.kind : undefined,
        })),
      ],
      updatedAt: now(),
    };
    await setPayloads(next.id, [
      ...job.images.map((_, i) => payloads[i] ?? null),
      ...added.map((image) => ('payload' in image ? image.payload : null)),
    ]);
    await store(next);
    return next;
  }

  /** Removes one image (or all, without an index) from a draft. */
  async function removeFromDraft(id: string, index?: number): Promise<Job | null> {
    const job = await getCurrentJob();
    if (!job || job.id !== id || job.status !== 'draft') return null;
    const payloads = await getPayloads(id);
    const keep = (_: unknown, i: number) => index !== undefined && i !== index;
    await setPayloads(id, job.images.map((_, i) => payloads[i] ?? null).filter(keep));
    const next = { ...job, images: job.images.filter(keep), updatedAt: now() };
    await store(next);
    return next;
  }

  /** Sends a question: the draft's first one, or a follow-up after an answer. */
  async function send(id: string, question: string): Promise<Job | null> {
    const job = await getCurrentJob();
    const text = question.trim();
    if (!job || job.id !== id || isActive(job) || !text) return null;
    const turns =
      job.status === 'draft' || !job.text
        ? job.turns
        : [...job.turns, { question: job.prompt, answer: job.text, model: job.model }];
    return rerun(job, { turns, prompt: text, usage: undefined });
  }

  /** Stops the job in flight (the connection is aborted, which stops billing). */
  function stop(id: string): boolean {
    const controller = controllers.get(id);
    controller?.abort();
    return !!controller;
  }

  /** Runs the current question again, with the same images. */
  async function retry(id: string): Promise<Job | null> {
    const job = await getCurrentJob();
    if (!job || job.id !== id || controllers.has(id)) return null;
    return rerun(job, {});
  }

  /** Shows a failure that happened before any job could run (a capture that failed). */
  async function fail(error: IrisError): Promise<Job> {
    stopAll();
    const settings = await readSettings();
    const job: Job = { ...newJob('ask', [], '', settings.model, 'error'), error: error.toJSON() };
    await store(job);
    return job;
  }

  /**
   * A job left active by a service worker that was stopped cannot be resumed: mark it
   * interrupted, keeping its partial text, so the popup offers Retry instead of spinning.
   */
  async function recoverInterrupted(): Promise<boolean> {
    const job = await getCurrentJob();
    if (!job || !isActive(job) || controllers.has(job.id)) return false;
    const error = new IrisError('interrupted', t('errorInterrupted'));
    await store({
      ...job,
      status: 'error',
      error: error.toJSON(),
      retry: undefined,
      updatedAt: now(),
    });
    return true;
  }

  return { start, addToDraft, removeFromDraft, send, stop, retry, fail, recoverInterrupted };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
