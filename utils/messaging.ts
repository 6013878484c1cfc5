import { type Browser, browser } from 'wxt/browser';
import { IrisError, type SerializedIrisError } from './errors';

/**
 * The one message protocol between Iris's own pages and its background (STYLE.md habit 4).
 * One data object in, one value out; errors cross as data and are re-thrown by the caller.
 */
export interface Protocol {
  stopJob(data: { id: string }): boolean;
  retryJob(data: { id: string }): boolean;
  /** The draft's first question, or a follow-up after an answer. */
  sendQuestion(data: { id: string; question: string }): boolean;
  /** Removes one image of a draft, or all of them without `index`. */
  removeImage(data: { id: string; index?: number }): boolean;
  /** Starts over: an empty question, without images. */
  newQuestion(data: Record<string, never>): boolean;
  /** Region capture in the active tab (the popup's button). */
  captureRegion(data: Record<string, never>): boolean;
  /** Wakes the background, which ends a job its stopped predecessor left "streaming". */
  checkJob(data: Record<string, never>): boolean;
  /** Popup/options: turn auto alt text on or off for a site (after its permission is granted). */
  setAltTextSite(data: { site: string; enabled: boolean }): boolean;
  // From the alt-text content script, the only verbs it may send (CONTENT_SCRIPT_VERBS):
  getAltTextConfig(data: { pageUrl: string }): AltTextConfig;
  requestAltText(data: { srcUrl: string; pageUrl: string }): AltTextReply;
  reportAltTextCap(data: { scope: 'page' | 'day' }): boolean;
}

/** What the alt-text content script needs to run; never the API key. */
export interface AltTextConfig {
  concurrency: number;
  pageCapUsd: number;
  /** One pass over the page (keyboard command), without watching for more images. */
  once: boolean;
}

export type AltTextReply =
  | { kind: 'alt'; alt: string; cost: number; cached: boolean }
  | { kind: 'capped'; scope: 'day'; capUsd: number }
  | { kind: 'failed'; error: SerializedIrisError };

/** Verbs a content script may send; everything else is for Iris's own pages only. */
export const CONTENT_SCRIPT_VERBS: ReadonlySet<string> = new Set([
  'getAltTextConfig',
  'requestAltText',
  'reportAltTextCap',
]);

type MessageType = keyof Protocol;
type DataOf<K extends MessageType> = Parameters<Protocol[K]>[0];
type ResultOf<K extends MessageType> = ReturnType<Protocol[K]>;
type Envelope = { iris: 1; type: MessageType; data: unknown };
type Reply = { ok: true; value: unknown } | { ok: false; error: SerializedIrisError };

export type Handlers = {
  [K in MessageType]: (
    data: DataOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResultOf<K>> | ResultOf<K>;
};

/** Validates the data of each message type; anything else is refused. */
const validators: { [K in MessageType]: (data: unknown) => data is DataOf<K> } = {
  stopJob: hasStringId,
  retryJob: hasStringId,
  sendQuestion: (data): data is { id: string; question: string } =>
    hasStringId(data) && typeof (data as { question?: unknown }).question === 'string',
  removeImage: (data): data is { id: string; index?: number } => {
    const index = (data as { index?: unknown } | null)?.index;
    return (
      hasStringId(data) &&
      (index === undefined || (Number.isInteger(index) && (index as number) >= 0))
    );
  },
  newQuestion: isEmptyData,
  captureRegion: isEmptyData,
  checkJob: isEmptyData,
  setAltTextSite: (data): data is { site: string; enabled: boolean } =>
    isObject(data) && typeof data.site === 'string' && typeof data.enabled === 'boolean',
  getAltTextConfig: (data): data is { pageUrl: string } =>
    isObject(data) && typeof data.pageUrl === 'string',
  requestAltText: (data): data is { srcUrl: string; pageUrl: string } =>
    isObject(data) &&
    typeof data.srcUrl === 'string' &&
    data.srcUrl.length < 10_000_000 &&
    typeof data.pageUrl === 'string',
  reportAltTextCap: (data): data is { scope: 'page' | 'day' } =>
    isObject(data) && (data.scope === 'page' || data.scope === 'day'),
};

/** Verbs without data take `{}`; extra fields are ignored. */
function isEmptyData(data: unknown): data is Record<string, never> {
  return isObject(data);
}

function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null;
}

function hasStringId(data: unknown): data is { id: string } {
  return isObject(data) && typeof data.id === 'string';
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

export interface HandlerOptions {
  /**
   * Decides whether a content script may send one of CONTENT_SCRIPT_VERBS (Iris's alt-text
   * script on an opted-in site). Without it, content scripts are refused.
   */
  isAllowedContentScript?: (sender: Browser.runtime.MessageSender) => Promise<boolean>;
}

/** Registers the background's handlers; call synchronously in the background's main(). */
export function registerHandlers(handlers: Handlers, options: HandlerOptions = {}): void {
  browser.runtime.onMessage.addListener(
    // sendResponse + `return true` rather than a returned promise: Chrome's own runtime (no
    // polyfill, to keep the bundles small) only answers through sendResponse.
    (
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse: (r: unknown) => void,
    ) => {
      if (!isEnvelope(message)) return undefined;
      if (isTrustedSender(sender)) {
        void dispatch(handlers, message, sender).then(sendResponse);
        return true;
      }
      const allow = options.isAllowedContentScript;
      if (!allow || !CONTENT_SCRIPT_VERBS.has(message.type)) return undefined;
      void allow(sender)
        .then((ok) => (ok ? dispatch(handlers, message, sender) : undefined))
        .then(sendResponse);
      return true;
    },
  );
}

function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  const validate = validators[message.type] as (data: unknown) => boolean;
  if (!validate(message.data)) {
    return Promise.resolve({
      ok: false,
      error: new IrisError('internal', `Bad data for ${message.type}.`).toJSON(),
    });
  }
  const handler = handlers[message.type] as (
    data: unknown,
    sender: Browser.runtime.MessageSender,
  ) => unknown;
  return Promise.resolve()
    .then(() => handler(message.data, sender))
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
}

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const { iris, type } = message as Partial<Envelope>;
  return iris === 1 && typeof type === 'string' && Object.hasOwn(validators, type);
}
