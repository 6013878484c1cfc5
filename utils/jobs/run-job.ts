import { IrisError, toIrisError } from '../errors';
import { type AcquiredImage, acquireImage } from '../image/acquire';
import { makeThumbnail } from '../image/encode';
import { writeCachedReachability } from '../image/reachability-cache';
import { buildChatBody } from '../openrouter/body';
import {
  type ClientOptions,
  createOpenRouterClient,
  type StreamResult,
} from '../openrouter/client';
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
  /** The job fails at once with this (the picture could not even be found). */
  error?: IrisError;
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
      await run(writer, settings, controller.signal, request.error);
    } finally {
      controllers.delete(job.id);
    }
    return writer.job;
  }

  async function run(
    writer: ReturnType<typeof createJobWriter>,
    settings: JobSettings,
    signal: AbortSignal,
    failure?: IrisError,
  ) {
    try {
      if (failure) throw failure;
      if (!settings.apiKey) throw new IrisError('no-api-key', 'No API key is set.');
      const { source } = writer.job;
      const client = createClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey });
      let result: StreamResult | undefined;
      for (let attempt = 0; !result; attempt++) {
        const image: AcquiredImage = await acquire(
          {
            srcUrl: source.srcUrl,
            targetId: source.targetId,
            tabId: source.tabId,
            frameId: source.frameId,
            incognito: source.incognito,
          },
          {
            sendPublicByUrl: settings.sendPublicByUrl,
            maxSide: settings.maxImageSide,
            forceBytes: attempt > 0,
          },
        );
        signal.throwIfAborted();
        writer.set({
          status: 'requesting',
          transport: image.payload.kind,
          thumbnail: image.payload.kind === 'url' ? image.payload.url : writer.job.thumbnail,
        });
        const thumbnail = image.original
          ? makeThumbnail(image.original.blob, image.original.width, image.original.height)
              .then((dataUrl) => writer.set({ thumbnail: dataUrl }))
              .catch((error: unknown) => console.warn('Iris: no preview for this image', error))
          : undefined;
        const body = buildChatBody({
          model: settings.model,
          prompt: writer.job.prompt,
          images: [image.payload],
        });
        try {
          result = await client.streamChat(body, {
            signal,
            onOpen: () => writer.set({ status: 'streaming' }),
            onDelta: (delta, model) =>
              writer.set({ text: writer.job.text + delta, model: model ?? writer.job.model }),
          });
        } catch (error) {
          if (attempt > 0 || signal.aborted || !providerCouldNotUseUrl(error, image)) throw error;
          // The provider could not fetch or read the URL: once more with bytes, unasked.
          writer.set({ status: 'acquiring', text: '' });
          await rememberProviderFailure(image.payload);
        }
        await thumbnail;
      }
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

/** Provider errors that mean "could not fetch or read that URL" — bytes may still work. */
const URL_FAILURES = ['image-unreachable', 'image-too-large', 'unsupported-image'];

function providerCouldNotUseUrl(error: unknown, image: AcquiredImage): boolean {
  return (
    image.payload.kind === 'url' && error instanceof IrisError && URL_FAILURES.includes(error.code)
  );
}

/** The next job for this URL goes straight to bytes (for as long as the check is cached). */
async function rememberProviderFailure(payload: AcquiredImage['payload']): Promise<void> {
  if (payload.kind !== 'url') return;
  await writeCachedReachability(payload.url, {
    ok: false,
    reason: 'the model’s provider could not fetch it a moment ago',
  });
}
