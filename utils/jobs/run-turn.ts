import { endpointHost } from '../endpoint';
import { IrisError, toIrisError } from '../errors';
import { t } from '../i18n';
import type { acquireImage } from '../image/acquire';
import { makeThumbnail } from '../image/encode';
import { writeCachedReachability } from '../image/reachability-cache';
import { logFailure } from '../log';
import { buildChatBody, type ImagePayload } from '../openrouter/body';
import type { ClientOptions, createOpenRouterClient, StreamResult } from '../openrouter/client';
import { clientOptionsFor, requestOptionsFor } from '../openrouter/request-options';
import { imageOptionsFor, type JobSettings } from '../settings';
import type { createJobWriter } from './job-writer';
import { getPayloads, setPayloads } from './payload-store';
import { withRetries } from './retry';
import type { ImageSource, JobImage } from './types';

export interface TurnDeps {
  acquire: typeof acquireImage;
  /** Privacy rules (private windows, never-run sites, insecure endpoints): throws to refuse. */
  guard: (source: ImageSource, settings: JobSettings) => void;
  createClient: (options: ClientOptions) => ReturnType<typeof createOpenRouterClient>;
}

type Writer = ReturnType<typeof createJobWriter>;

interface Later {
  /** Previews to make once the request has left: decoding competes with sending it. */
  queued: (() => Promise<void>)[];
  previews: Promise<void>[];
  saved: Promise<void>;
}

function startPreviews(later: Later): void {
  for (const make of later.queued.splice(0)) later.previews.push(make());
}

/**
 * One question → one streamed answer: reads the images not read yet (their bytes are kept
 * for follow-ups), sends the conversation, streams the answer into the job, and ends it
 * as done, error or stopped. Never throws: every failure ends up on the job.
 */
export async function runTurn(
  writer: Writer,
  settings: JobSettings,
  signal: AbortSignal,
  deps: TurnDeps,
): Promise<void> {
  // Work that need not hold up the request (previews, storing the payloads for follow-ups);
  // the turn ends only once it is done.
  const later: Later = { queued: [], previews: [], saved: Promise.resolve() };
  try {
    for (const image of writer.job.images) deps.guard(image.source, settings);
    // A custom endpoint (a local server) may need no key; OpenRouter always does.
    if (settings.keyRequired !== false && !settings.apiKey) {
      throw new IrisError('no-api-key', t('errorNoApiKey'));
    }
    if (writer.job.images.length === 0) throw new IrisError('no-image', t('errorNoImage'));
    let payloads = await readImages(writer, settings, signal, deps, later);
    const client = deps.createClient(clientOptionsFor(settings));
    const ask = (images: ImagePayload[]) => {
      writer.set({ status: 'requesting' });
      const body = buildChatBody({
        model: settings.model,
        prompt: writer.job.prompt,
        images,
        turns: writer.job.turns,
        ...requestOptionsFor(settings),
        // A task's own system prompt (alt text) wins over the general one.
        ...(writer.job.system ? { system: writer.job.system } : {}),
      });
      return withRetries(
        () =>
          client.streamChat(body, {
            signal,
            onOpen: () => {
              writer.set({ status: 'streaming', retry: undefined });
              startPreviews(later);
            },
            onDelta: (delta, model) =>
              writer.set({ text: writer.job.text + delta, model: model ?? writer.job.model }),
          }),
        {
          signal,
          canRetry: () => !writer.job.text,
          onWait: (seconds, attempt, of) =>
            writer.set({
              status: 'requesting',
              retry: { at: Date.now() + seconds * 1000, attempt, of },
            }),
        },
      );
    };
    let result: StreamResult;
    try {
      result = await ask(payloads);
    } catch (error) {
      if (signal.aborted || !providerCouldNotUseUrl(error, payloads)) throw error;
      // The provider could not fetch or read a URL: once more with bytes, without asking.
      await rememberProviderFailure(payloads);
      writer.set({ text: '' });
      payloads = await readImages(writer, settings, signal, deps, later, true);
      result = await ask(payloads);
    }
    const failure = emptyOrFiltered(result, settings);
    writer.set({
      retry: undefined,
      status: failure ? 'error' : 'done',
      text: result.text,
      model: result.model ?? writer.job.model,
      usage: result.usage,
      finishReason: result.finishReason,
      error: failure?.toJSON(),
    });
  } catch (thrown) {
    const error = signal.aborted ? new IrisError('stopped', 'Stopped.') : toIrisError(thrown);
    // The advice then names the custom endpoint, not OpenRouter (error-advice.ts).
    if (settings.endpoint === 'custom') error.details.endpoint = endpointHost(settings.baseUrl);
    if (error.code === 'internal') logFailure('job failed', 'error')(thrown);
    writer.set({
      status: error.code === 'stopped' ? 'stopped' : 'error',
      error: error.toJSON(),
      retry: undefined,
    });
  }
  startPreviews(later);
  await Promise.all([...later.previews, later.saved]);
  await writer.flush();
}

/**
 * An answer that is no answer: stopped by the provider's content filter, or empty — a model
 * that thinks before it writes can spend the whole length limit thinking.
 */
function emptyOrFiltered(result: StreamResult, settings: JobSettings): IrisError | undefined {
  if (result.finishReason === 'content_filter')
    return new IrisError('content-filter', t('errorContentFilter'));
  if (result.text.trim()) return undefined;
  const limit = result.finishReason === 'length' ? settings.maxTokens : undefined;
  return limit
    ? new IrisError('empty-answer', t('errorEmptyAtLimit', limit), { limit })
    : new IrisError('empty-answer', t('errorEmptyAnswer'));
}

/** Returns every image's payload, acquiring the ones not read yet (in parallel). */
async function readImages(
  writer: Writer,
  settings: JobSettings,
  signal: AbortSignal,
  deps: TurnDeps,
  later: Later,
  forceBytes = false,
): Promise<ImagePayload[]> {
  const jobId = writer.job.id;
  await later.saved;
  const images = writer.job.images;
  // Only an image already read (or captured) has a payload stored, and a transport: a fresh
  // describe skips the trip to storage. With forceBytes, a URL payload counts as unread: it
  // is fetched again, as bytes.
  const stored = images.some((image) => image.transport)
    ? (await getPayloads(jobId)).map((p) => (forceBytes && p?.kind === 'url' ? null : p))
    : [];
  if (images.every((_, i) => stored[i])) return stored as ImagePayload[];
  writer.set({ status: 'acquiring' });
  const payloads = await Promise.all(
    images.map(async (image, i) => {
      const known = stored[i];
      if (known) return known;
      const acquired = await deps.acquire(
        {
          srcUrl: image.source.srcUrl,
          targetId: image.source.targetId,
          tabId: image.source.tabId,
          frameId: image.source.frameId,
          incognito: image.source.incognito,
        },
        { ...imageOptionsFor(settings), forceBytes },
      );
      const { original } = acquired;
      patchImage(writer, i, {
        transport: acquired.payload.kind,
        thumbnail: acquired.payload.kind === 'url' ? acquired.payload.url : image.thumbnail,
      });
      if (original && !image.thumbnail) {
        later.queued.push(() =>
          makeThumbnail(original.blob, original.width, original.height)
            .then((thumbnail) => patchImage(writer, i, { thumbnail }))
            .catch(logFailure('no preview for this image')),
        );
      }
      return acquired.payload;
    }),
  );
  signal.throwIfAborted();
  // Megabytes for a photo: stored while the request goes out, not before.
  later.saved = setPayloads(jobId, payloads).catch(
    logFailure('could not keep the image for follow-up questions', 'error'),
  );
  return payloads;
}

function patchImage(writer: Writer, index: number, patch: Partial<JobImage>): void {
  writer.set({
    images: writer.job.images.map((image, i) => (i === index ? { ...image, ...patch } : image)),
  });
}

/** Provider errors that mean "could not fetch or read that URL": bytes may still work. */
const URL_FAILURES = ['image-unreachable', 'image-too-large', 'unsupported-image'];

function providerCouldNotUseUrl(error: unknown, payloads: ImagePayload[]): boolean {
  return (
    payloads.some((p) => p.kind === 'url') &&
    error instanceof IrisError &&
    URL_FAILURES.includes(error.code)
  );
}

/** The next job for these URLs goes straight to bytes (for as long as the check is cached). */
async function rememberProviderFailure(payloads: ImagePayload[]): Promise<void> {
  for (const payload of payloads) {
    if (payload.kind !== 'url') continue;
    await writeCachedReachability(payload.url, { ok: false, reason: t('reasonProviderFailed') });
  }
}
