import { type Browser, browser } from 'wxt/browser';
import { IrisError, type SerializedIrisError } from './errors';

/**
 * The one message protocol between Iris's own pages and its background (STYLE.md habit 4).
 * One data object in, one value out; errors cross as data and are re-thrown by the caller.
 */
export interface Protocol {
  stopJob(data: { id: string }): boolean;
  retryJob(data: { id: string }): boolean;
  /** Saves an image-capable model, runs the job again with it; resolves to the model's id. */
  switchModelAndRetry(data: { id: string }): string;
}

type MessageType = keyof Protocol;
type DataOf<K extends MessageType> = Parameters<Protocol[K]>[0];
type ResultOf<K extends MessageType> = ReturnType<Protocol[K]>;
type Envelope = { iris: 1; type: MessageType; data: unknown };
type Reply = { ok: true; value: unknown } | { ok: false; error: SerializedIrisError };

export type Handlers = {
  [K in MessageType]: (data: DataOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;
};

/** Validates the data of each message type; anything else is refused. */
const validators: { [K in MessageType]: (data: unknown) => data is DataOf<K> } = {
  stopJob: hasStringId,
  retryJob: hasStringId,
  switchModelAndRetry: hasStringId,
};

function hasStringId(data: unknown): data is { id: string } {
  return (
    typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string'
  );
}

export async function sendMessage<K extends MessageType>(
  type: K,
  data: DataOf<K>,
): Promise<ResultOf<K>> {
  const reply = (await browser.runtime.sendMessage({ iris: 1, type, data } satisfies Envelope)) as
    | Reply
    | undefined;
  if (!reply) throw new IrisError('internal', `No answer to ${type}.`);
  if (!reply.ok) throw IrisError.fromJSON(reply.error);
  return reply.value as ResultOf<K>;
}

/** True only for Iris's own extension pages (popup, options), never a content script or a web page. */
export function isTrustedSender(
  sender: Browser.runtime.MessageSender,
  extensionOrigin = browser.runtime.getURL('/'),
): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extensionOrigin)
  );
}

/** Registers the background's handlers; call synchronously in the background's main(). */
export function registerHandlers(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isEnvelope(message) || !isTrustedSender(sender)) return undefined;
      const validate = validators[message.type] as (data: unknown) => boolean;
      if (!validate(message.data)) {
        return Promise.resolve({
          ok: false,
          error: new IrisError('internal', `Bad data for ${message.type}.`).toJSON(),
        });
      }
      const handler = handlers[message.type] as (data: unknown) => unknown;
      return Promise.resolve()
        .then(() => handler(message.data))
        .then(
          (value): Reply => ({ ok: true, value }),
          (error: unknown): Reply => ({
            ok: false,
            error: (error instanceof IrisError
              ? error
              : new IrisError('internal', String(error))
            ).toJSON(),
          }),
        );
    },
  );
}

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const { iris, type } = message as Partial<Envelope>;
  return iris === 1 && typeof type === 'string' && Object.hasOwn(validators, type);
}
