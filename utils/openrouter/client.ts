import { createParser } from 'eventsource-parser';
import { IrisError, messageOf } from '../errors';
import { t } from '../i18n';
import { logFailure } from '../log';
import { errorFromChunk, errorFromHttp } from './api-errors';
import type { ChatBody } from './body';

export interface StreamResult {
  text: string;
  model?: string;
  finishReason?: string;
  usage?: { promptTokens?: number; completionTokens?: number; cost?: number };
  generationId?: string;
}

export interface StreamCallbacks {
  signal?: AbortSignal;
  /** Called with each piece of text, in order. */
  onDelta?: (delta: string, model?: string) => void;
  /** Called once the response headers arrived with status 200. */
  onOpen?: () => void;
}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** No byte at all (comment lines count) within this time → timeout. */
  firstByteTimeoutMs?: number;
  /** Silence mid-stream longer than this → timeout. */
  idleTimeoutMs?: number;
}

const APP_URL = 'https://github.com/iris-extension/iris';
const APP_TITLE = 'Iris';

interface Chunk {
  model?: string;
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; cost?: number };
  error?: { code?: number | string; message?: string; metadata?: Record<string, unknown> };
}

/**
 * A streaming chat-completions client for OpenRouter or any OpenAI-compatible endpoint:
 * fetch + eventsource-parser, abortable, with first-byte and idle timeouts. Every failure
 * leaves it as an `IrisError`.
 */
export function createOpenRouterClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const firstByteTimeoutMs = options.firstByteTimeoutMs ?? 90_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;

  async function streamChat(
    body: ChatBody,
    callbacks: StreamCallbacks = {},
  ): Promise<StreamResult> {
    const controller = new AbortController();
    let timedOut = false;
    let receivedAny = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
    };
    const onOuterAbort = () => controller.abort();
    callbacks.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (callbacks.signal?.aborted) controller.abort();
    arm(firstByteTimeoutMs);

    try {
      const response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          // A custom endpoint may need no key: then no Authorization header at all.
          ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}),
          'Content-Type': 'application/json',
          'HTTP-Referer': APP_URL,
          'X-OpenRouter-Title': APP_TITLE,
          'X-Title': APP_TITLE,
        },
        body: JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit',
      });
      if (!response.ok) {
        throw errorFromHttp(response.status, await response.text(), response.headers);
      }
      if (!response.body) throw new IrisError('bad-response', t('apiNoBody'));
      callbacks.onOpen?.();
      const result: StreamResult = {
        text: '',
        generationId: response.headers.get('x-generation-id') ?? undefined,
      };
      await readStream(response.body, result, callbacks, controller.signal, () => {
        receivedAny = true;
        arm(idleTimeoutMs);
      });
      return result;
    } catch (error) {
      if (timedOut) {
        const message = receivedAny
          ? t('apiIdleTimeout', Math.round(idleTimeoutMs / 1000))
          : t('apiFirstByteTimeout', Math.round(firstByteTimeoutMs / 1000));
        throw new IrisError('timeout', message, { providerMessage: message }, { cause: error });
      }
      if (callbacks.signal?.aborted)
        throw new IrisError('stopped', 'Stopped.', {}, { cause: error });
      if (error instanceof IrisError) throw error;
      throw new IrisError(
        'network',
        t('errorNetwork'),
        {
          providerMessage: messageOf(error),
        },
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      callbacks.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  return { streamChat };
}

export type OpenRouterClient = ReturnType<typeof createOpenRouterClient>;

async function readStream(
  stream: ReadableStream<Uint8Array>,
  result: StreamResult,
  callbacks: StreamCallbacks,
  signal: AbortSignal,
  onActivity: () => void,
): Promise<void> {
  let done = false;
  let failure: IrisError | undefined;
  const parser = createParser({
    onEvent(event) {
      if (done || failure) return;
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      let chunk: Chunk;
      try {
        chunk = JSON.parse(event.data) as Chunk;
      } catch (cause) {
        failure = new IrisError(
          'bad-response',
          t('errorBadResponse'),
          {
            providerMessage: event.data.slice(0, 120),
          },
          { cause },
        );
        return;
      }
      applyChunk(chunk, result, callbacks);
      if (chunk.error) failure = errorFromChunk(chunk.error);
    },
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  // Stop waiting for the next bytes the moment we are stopped or time out.
  const onAbort = () => void reader.cancel().catch(logFailure('stream cancel', 'debug'));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!done && !failure) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      onActivity();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Closes the connection when we stop reading early (error chunk, [DONE] before EOF);
    // a failure to cancel an already-finished stream changes nothing for the user.
    await reader.cancel().catch(logFailure('stream cancel', 'debug'));
  }
  if (failure) throw failure;
  if (!done && !result.finishReason) {
    throw new IrisError('network', t('apiClosedEarly'));
  }
}

function applyChunk(chunk: Chunk, result: StreamResult, callbacks: StreamCallbacks): void {
  if (chunk.model) result.model = chunk.model;
  for (const choice of chunk.choices ?? []) {
    const delta = choice.delta?.content;
    if (delta) {
      result.text += delta;
      callbacks.onDelta?.(delta, result.model);
    }
    if (choice.finish_reason) result.finishReason = choice.finish_reason;
  }
  if (chunk.usage) {
    result.usage = {
      promptTokens: chunk.usage.prompt_tokens,
      completionTokens: chunk.usage.completion_tokens,
      cost: chunk.usage.cost,
    };
  }
}
