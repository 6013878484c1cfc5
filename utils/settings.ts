import * as storage from './storage';

/**
 * Every stored setting of Iris, defined once (STYLE.md habit 3). The API key lives in
 * `storage.local`, which `restrictStorageToExtension` closes to content scripts.
 */
export const DEFAULT_MODEL = 'google/gemini-2.5-flash';
export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

export const apiKeySetting = storage.defineItem<string>('local:apiKey', {
  fallback: '',
});

export const modelSetting = storage.defineItem<string>('local:model', {
  fallback: DEFAULT_MODEL,
});

/** Base URL of OpenRouter's API (only tests and developers change it). */
export const baseUrlSetting = storage.defineItem<string>('local:baseUrl', {
  fallback: OPENROUTER_BASE_URL,
});

/** Public images go to the model by URL (cheaper, faster) unless the user turns this off. */
export const sendPublicByUrlSetting = storage.defineItem<boolean>('local:sendPublicByUrl', {
  fallback: true,
});

/** Longest side, in pixels, of an image sent as bytes. */
export const maxImageSideSetting = storage.defineItem<number>('local:maxImageSide', {
  fallback: 2048,
});

/** No byte at all from the model (keep-alive comments count) within this → a timeout message. */
export const firstByteTimeoutSetting = storage.defineItem<number>('local:firstByteTimeoutSeconds', {
  fallback: 60,
});

/** Silence this long in the middle of an answer → a timeout message (partial text kept). */
export const idleTimeoutSetting = storage.defineItem<number>('local:idleTimeoutSeconds', {
  fallback: 45,
});

/**
 * Downloading an image (in the page, then by Iris) may take this long altogether; then the
 * job ends saying the image's server did not answer.
 */
export const DEFAULT_IMAGE_TIMEOUT_SECONDS = 15;
export const imageTimeoutSetting = storage.defineItem<number>('local:imageTimeoutSeconds', {
  fallback: DEFAULT_IMAGE_TIMEOUT_SECONDS,
});

/** Models OpenRouter tries, in order, when the chosen one fails (sent as `models`). */
export const fallbackModelsSetting = storage.defineItem<string[]>('local:fallbackModels', {
  fallback: [],
});

/** 'auto' answers in the browser's UI language; otherwise a BCP 47 tag such as 'de'. */
export const answerLanguageSetting = storage.defineItem<string>('local:answerLanguage', {
  fallback: 'auto',
});

export type ImageDetail = 'auto' | 'low' | 'high';
export const detailSetting = storage.defineItem<ImageDetail>('local:detail', {
  fallback: 'auto',
});

/** Longest answer, in tokens (`max_tokens`); 0 leaves it to the model. */
export const maxTokensSetting = storage.defineItem<number>('local:maxTokens', {
  fallback: 1000,
});

/** Only providers with zero data retention, and none that collect data. */
export const noDataProvidersSetting = storage.defineItem<boolean>('local:noDataProviders', {
  fallback: false,
});

/** Off: Iris's menu items do nothing in private (incognito) windows and say why. */
export const privateWindowsSetting = storage.defineItem<boolean>('local:privateWindows', {
  fallback: false,
});

/** Host names (and their subdomains) where Iris never runs. */
export const neverSitesSetting = storage.defineItem<string[]>('local:neverSites', {
  fallback: [],
});

/** Any OpenAI-compatible server used instead of OpenRouter, with its own model. */
export interface CustomEndpoint {
  enabled: boolean;
  baseUrl: string;
  model: string;
}
export const customEndpointSetting = storage.defineItem<CustomEndpoint>('local:customEndpoint', {
  fallback: { enabled: false, baseUrl: '', model: '' },
});

/** The custom endpoint's own key: never sent to OpenRouter, and OpenRouter's never sent there. */
export const customApiKeySetting = storage.defineItem<string>('local:customApiKey', {
  fallback: '',
});

/** What a job needs from the settings. Fields after `maxImageSide` are optional for tests. */
export interface JobSettings {
  apiKey: string;
  model: string;
  baseUrl: string;
  sendPublicByUrl: boolean;
  maxImageSide: number;
  firstByteTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  imageTimeoutSeconds?: number;
  /** False for a custom endpoint, which may run without a key. */
  keyRequired?: boolean;
  endpoint?: 'openrouter' | 'custom';
  fallbackModels?: string[];
  answerLanguage?: string;
  detail?: ImageDetail;
  maxTokens?: number;
  noDataProviders?: boolean;
  privateWindows?: boolean;
  neverSites?: string[];
}

/** Reads everything a job needs in one go; the key is the one of the endpoint in use. */
export async function readJobSettings(): Promise<JobSettings> {
  // One round of reads, not three: each round is a trip to the storage backend.
  const [
    apiKey,
    model,
    baseUrl,
    sendPublicByUrl,
    maxImageSide,
    custom,
    customKey,
    firstByteTimeoutSeconds,
    idleTimeoutSeconds,
    imageTimeout,
    fallbackModels,
    answerLanguage,
    detail,
    maxTokens,
    noData,
    privateWindows,
    neverSites,
  ] = await storage.getValues([
    apiKeySetting,
    modelSetting,
    baseUrlSetting,
    sendPublicByUrlSetting,
    maxImageSideSetting,
    customEndpointSetting,
    customApiKeySetting,
    firstByteTimeoutSetting,
    idleTimeoutSetting,
    imageTimeoutSetting,
    fallbackModelsSetting,
    answerLanguageSetting,
    detailSetting,
    maxTokensSetting,
    noDataProvidersSetting,
    privateWindowsSetting,
    neverSitesSetting,
  ]);
  const useCustom = custom.enabled && custom.baseUrl.trim() !== '';
  const shared = {
    sendPublicByUrl,
    maxImageSide,
    firstByteTimeoutSeconds: positiveOr(firstByteTimeoutSeconds, 60),
    idleTimeoutSeconds: positiveOr(idleTimeoutSeconds, 45),
    imageTimeoutSeconds: positiveOr(imageTimeout, DEFAULT_IMAGE_TIMEOUT_SECONDS),
    fallbackModels,
    answerLanguage,
    detail,
    maxTokens,
    noDataProviders: noData,
    privateWindows,
    neverSites,
  };
  return useCustom
    ? {
        ...shared,
        // A local server (Ollama, LM Studio) cannot fetch web images itself: send pixels.
        sendPublicByUrl: false,
        endpoint: 'custom',
        apiKey: customKey.trim(),
        keyRequired: false,
        model: custom.model.trim(),
        baseUrl: custom.baseUrl.trim(),
      }
    : {
        ...shared,
        endpoint: 'openrouter',
        apiKey: apiKey.trim(),
        keyRequired: true,
        model: model.trim() || DEFAULT_MODEL,
        baseUrl,
      };
}

/** How long acquiring one image may take on downloads, in ms (see `imageTimeoutSetting`). */
export function imageTimeoutMs(settings: Pick<JobSettings, 'imageTimeoutSeconds'>): number {
  return (settings.imageTimeoutSeconds ?? DEFAULT_IMAGE_TIMEOUT_SECONDS) * 1000;
}

/** How a job reads its images (acquireImage's options): by URL when public, size, time. */
export function imageOptionsFor(settings: JobSettings) {
  return {
    sendPublicByUrl: settings.sendPublicByUrl,
    maxSide: settings.maxImageSide,
    timeoutMs: imageTimeoutMs(settings),
  };
}

/** A stored number that makes sense as a duration, else the default (a hand-edited store). */
function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A prompt preset of the user's own; each enabled one is an image context-menu item. */
export interface CustomPreset {
  id: string;
  name: string;
  prompt: string;
  enabled: boolean;
}
/** Which built-in presets are on (by id), and the user's own presets. */
export interface PresetState {
  builtIns: Record<string, boolean>;
  custom: CustomPreset[];
}
export const presetsSetting = storage.defineItem<PresetState>('local:presets', {
  fallback: { builtIns: {}, custom: [] },
});

/** The shape of all settings together; `migrateSettings` moves older stores to this one. */
export const SETTINGS_SCHEMA = 2;
export const settingsSchemaSetting = storage.defineItem<number>('local:settingsSchema', {
  // Stores written before the schema existed are version 1.
  fallback: 1,
});

/** Sites (origins such as "https://example.com") where the user turned auto alt text on. */
export const altTextSitesSetting = storage.defineItem<string[]>('local:altTextSites', {
  fallback: [],
});

/** Longest alt text Iris writes, in characters. */
export const altTextMaxLengthSetting = storage.defineItem<number>('local:altTextMaxLength', {
  fallback: 125,
});

/** Copy a generated alt text to the clipboard (off by default: the clipboard is the user's). */
export const altTextCopySetting = storage.defineItem<boolean>('local:altTextCopy', {
  fallback: false,
});

/** Auto mode stops on a page once its alt texts cost this much (USD, from usage.cost). */
export const altTextPageCapSetting = storage.defineItem<number>('local:altTextPageCapUsd', {
  fallback: 0.05,
});

/** Auto mode stops everywhere for the day once its alt texts cost this much (USD). */
export const altTextDayCapSetting = storage.defineItem<number>('local:altTextDayCapUsd', {
  fallback: 0.5,
});

/** How many alt-text requests auto mode runs at once on a page. */
export const altTextConcurrencySetting = storage.defineItem<number>('local:altTextConcurrency', {
  fallback: 3,
});
