import { IrisError, toIrisError } from '../errors';
import { type AcquiredImage, acquireImage } from '../image/acquire';
import { makeThumbnail } from '../image/encode';
import { buildChatBody } from '../openrouter/body';
import { type ClientOptions, createOpenRouterClient } from '../openrouter/client';
import { DEFAULT_PROMPT, type JobSettings, readJobSettings } from '../settings';
import { getCurrentJob, saveJob } from './job-store';
import { createJobWriter } from './job-writer';
import { type ImageSource, isActive, type Job } from './types';

export interface JobRunnerDeps {
  now?: () => number;
  newId?: () => string;
  readSettings?: () => Promise<JobSettings>;
  acquire?: typeof acquireImage;
  createClient?: (options: ClientOptions) => ReturnType<typeof createOpenRouterClient>;
  /** Progress shown on the toolbar button while a job runs. */
  onProgress?: (job: Job) => void;
}

export interface StartRequest {
  source: ImageSource;
  prompt?: string;
}

/**
 * Runs jobs: create → acquire the image → request → stream → done | error | stopped.
 * The only in-memory state is the abort controller of the job in flight, held in this
 * closure; everything a user sees is in `storage.session` (job-store).
 */
export function createJobRunner(deps: JobRunnerDeps = {}) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const readSettings = deps.readSettings ?? readJobSettings;
  const acquire = deps.acquire ?? acquireImage;
  const createClient = deps.createClient ?? createOpenRouterClient;
  const controllers = new Map<string, AbortController>();

  async function start(request: StartRequest): Promise<Job> {
    for (const controller of controllers.values()) controller.abort();
    const settings = await readSettings();
    const job: Job = {
      id: newId(),
      task: 'describe',
      prompt: request.prompt ?? DEFAULT_PROMPT,
      source: request.source,
      status: 'acquiring',
      text: '',
      model: settings.model,
      createdAt: now(),
      updatedAt: now(),
    };
    const controller = new AbortController();
    controllers.set(job.id, controller);
    const writer = createJobWriter(job, { save: saveJob, now, onChange: deps.onProgress });
    await writer.flush();
    try {
      await run(writer, settings, controller.signal);
    } finally {
      controllers.delete(job.id);
    }
    return writer.job;
  }

  async function run(
    writer: ReturnType<typeof createJobWriter>,
    settings: JobSettings,
    signal: AbortSignal,
  ) {
    try {
      if (!settings.apiKey) throw new IrisError('no-api-key', 'No API key is set.');
      const { source } = writer.job;
      const image: AcquiredImage = await acquire(
        {
          srcUrl: source.srcUrl,
          tabId: source.tabId,
          frameId: source.frameId,
          incognito: source.incognito,
        },
        { sendPublicByUrl: settings.sendPublicByUrl, maxSide: settings.maxImageSide },
      );
      signal.throwIfAborted();
      writer.set({
        status: 'requesting',
        transport: image.payload.kind,
        thumbnail: image.payload.kind === 'url' ? image.payload.url : undefined,
      });
      const thumbnail = image.original
        ? makeThumbnail(image.original.blob, image.original.width, image.original.height)
            .then((dataUrl) => writer.set({ thumbnail: dataUrl }))
            .catch((error: unknown) => console.warn('Iris: no preview for this image', error))
        : undefined;
      const client = createClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey });
      const body = buildChatBody({
        model: settings.model,
        prompt: writer.job.prompt,
        images: [image.payload],
      });
      const result = await client.streamChat(body, {
        signal,
        onOpen: () => writer.set({ status: 'streaming' }),
        onDelta: (delta, model) =>
          writer.set({ text: writer.job.text + delta, model: model ?? writer.job.model }),
      });
      await thumbnail;
      writer.set({
        status: result.finishReason === 'content_filter' ? 'error' : 'done',
        text: result.text,
        model: result.model ?? writer.job.model,
        usage: result.usage,
        finishReason: result.finishReason,
        error:
          result.finishReason === 'content_filter'
            ? new IrisError(
                'content-filter',
                'The provider’s content filter stopped the answer.',
              ).toJSON()
            : undefined,
      });
    } catch (thrown) {
      const error = signal.aborted ? new IrisError('stopped', 'Stopped.') : toIrisError(thrown);
      if (error.code === 'internal') console.error('Iris: job failed', thrown);
      writer.set({ status: error.code === 'stopped' ? 'stopped' : 'error', error: error.toJSON() });
    }
    await writer.flush();
  }

  /** Stops the job in flight (the connection is aborted, which stops billing). */
  function stop(id: string): boolean {
    const controller = controllers.get(id);
    controller?.abort();
    return !!controller;
  }

  /** Runs the current job's request again with the same image and prompt. */
  async function retry(id: string): Promise<Job | null> {
    const job = await getCurrentJob();
    if (!job || job.id !== id || controllers.has(id)) return null;
    return start({ source: job.source, prompt: job.prompt });
  }

  /**
   * A job left active by a service worker that was stopped cannot be resumed: mark it
   * interrupted, keeping its partial text, so the popup offers Retry instead of spinning.
   */
  async function recoverInterrupted(): Promise<void> {
    const job = await getCurrentJob();
    if (!job || !isActive(job) || controllers.has(job.id)) return;
    const error = new IrisError(
      'interrupted',
      'Iris was interrupted before the answer was complete.',
    );
    await saveJob({ ...job, status: 'error', error: error.toJSON(), updatedAt: now() });
  }

  return { start, stop, retry, recoverInterrupted };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
