import { browser } from 'wxt/browser';
import { logFailure } from '../log';
import type { JobSettings } from '../settings';
import { type ChatBodyInput, SYSTEM_PROMPT } from './body';
import type { ClientOptions } from './client';

/** The parts of a chat body that come from the user's settings. */
export type RequestOptions = Pick<ChatBodyInput, 'system' | 'maxTokens' | 'detail' | 'extra'>;

/**
 * Maps settings to request fields: fallback models, the no-data provider rule, max tokens,
 * image detail and the answer language. OpenRouter-only fields (`models`, `provider`) are
 * never sent to a custom endpoint, which would reject or ignore them.
 */
export function requestOptionsFor(
  settings: JobSettings,
  uiLanguage: () => string = defaultUiLanguage,
): RequestOptions {
  const options: RequestOptions = {
    system: `${SYSTEM_PROMPT} ${languageInstruction(settings.answerLanguage ?? 'auto', uiLanguage)}`,
    detail: settings.detail ?? 'auto',
  };
  if (settings.maxTokens && settings.maxTokens > 0) options.maxTokens = settings.maxTokens;
  if (settings.endpoint === 'custom') return options;
  const extra: NonNullable<RequestOptions['extra']> = {};
  const fallbacks = (settings.fallbackModels ?? []).map((m) => m.trim()).filter(Boolean);
  if (fallbacks.length > 0) extra.models = fallbacks;
  if (settings.noDataProviders) extra.provider = { zdr: true, data_collection: 'deny' };
  if (Object.keys(extra).length > 0) options.extra = extra;
  return options;
}

/** The streaming client's options: the endpoint in use, its key, the user's waiting limits. */
export function clientOptionsFor(settings: JobSettings): ClientOptions {
  return {
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    firstByteTimeoutMs: (settings.firstByteTimeoutSeconds ?? 60) * 1000,
    idleTimeoutMs: (settings.idleTimeoutSeconds ?? 45) * 1000,
  };
}

/** "Answer in German." — for 'auto', the browser's UI language. */
export function languageInstruction(setting: string, uiLanguage: () => string): string {
  const tag = setting === 'auto' ? uiLanguage() : setting;
  return `Answer in ${languageName(tag)}.`;
}

/** The English name of a language tag ("de" → "German"); the tag itself if unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch (error) {
    logFailure(`unknown language tag ${tag}`)(error);
    return tag;
  }
}

function defaultUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || navigator.language || 'en';
  } catch (error) {
    // Only outside a real extension (tests' fake browser): the page's language will do.
    logFailure('no i18n API, using navigator.language', 'debug')(error);
    return navigator.language || 'en';
  }
}
