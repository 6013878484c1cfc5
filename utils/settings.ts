import { storage } from 'wxt/utils/storage';

/**
 * Every stored setting of Iris, defined once (STYLE.md habit 3). The API key lives in
 * `storage.local`, which `restrictStorageToExtension` closes to content scripts.
 */
export const DEFAULT_MODEL = 'google/gemini-2.5-flash';
export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';
export const DEFAULT_PROMPT =
  'Describe this image for someone who cannot see it. Start with the most important content, then details, and transcribe any short text in it.';

export const apiKeySetting = storage.defineItem<string>('local:apiKey', {
  fallback: '',
  version: 1,
});

export const modelSetting = storage.defineItem<string>('local:model', {
  fallback: DEFAULT_MODEL,
  version: 1,
});

/** Base URL of the chat-completions API; OpenRouter unless the user set another endpoint. */
export const baseUrlSetting = storage.defineItem<string>('local:baseUrl', {
  fallback: OPENROUTER_BASE_URL,
  version: 1,
});

/** Public images go to the model by URL (cheaper, faster) unless the user turns this off. */
export const sendPublicByUrlSetting = storage.defineItem<boolean>('local:sendPublicByUrl', {
  fallback: true,
  version: 1,
});

/** Longest side, in pixels, of an image sent as bytes. */
export const maxImageSideSetting = storage.defineItem<number>('local:maxImageSide', {
  fallback: 2048,
  version: 1,
});

/** No byte at all from the model (keep-alive comments count) within this → a timeout message. */
export const firstByteTimeoutSetting = storage.defineItem<number>('local:firstByteTimeoutSeconds', {
  fallback: 60,
  version: 1,
});

/** Silence this long in the middle of an answer → a timeout message (partial text kept). */
export const idleTimeoutSetting = storage.defineItem<number>('local:idleTimeoutSeconds', {
  fallback: 45,
  version: 1,
});

/** Reads everything a job needs in one go. */
export async function readJobSettings() {
  const [apiKey, model, baseUrl, sendPublicByUrl, maxImageSide, firstByte, idle] =
    await Promise.all([
      apiKeySetting.getValue(),
      modelSetting.getValue(),
      baseUrlSetting.getValue(),
      sendPublicByUrlSetting.getValue(),
      maxImageSideSetting.getValue(),
      firstByteTimeoutSetting.getValue(),
      idleTimeoutSetting.getValue(),
    ]);
  return {
    apiKey: apiKey.trim(),
    model: model.trim() || DEFAULT_MODEL,
    baseUrl,
    sendPublicByUrl,
    maxImageSide,
    firstByteTimeoutSeconds: firstByte,
    idleTimeoutSeconds: idle,
  };
}
export type JobSettings = Awaited<ReturnType<typeof readJobSettings>>;

/** Sites (origins such as "https://example.com") where the user turned auto alt text on. */
export const altTextSitesSetting = storage.defineItem<string[]>('local:altTextSites', {
  fallback: [],
  version: 1,
});

/** Longest alt text Iris writes, in characters. */
export const altTextMaxLengthSetting = storage.defineItem<number>('local:altTextMaxLength', {
  fallback: 125,
  version: 1,
});

/** Copy a generated alt text to the clipboard (off by default: the clipboard is the user's). */
export const altTextCopySetting = storage.defineItem<boolean>('local:altTextCopy', {
  fallback: false,
  version: 1,
});

/** Auto mode stops on a page once its alt texts cost this much (USD, from usage.cost). */
export const altTextPageCapSetting = storage.defineItem<number>('local:altTextPageCapUsd', {
  fallback: 0.05,
  version: 1,
});

/** Auto mode stops everywhere for the day once its alt texts cost this much (USD). */
export const altTextDayCapSetting = storage.defineItem<number>('local:altTextDayCapUsd', {
  fallback: 0.5,
  version: 1,
});

/** How many alt-text requests auto mode runs at once on a page. */
export const altTextConcurrencySetting = storage.defineItem<number>('local:altTextConcurrency', {
  fallback: 3,
  version: 1,
});
