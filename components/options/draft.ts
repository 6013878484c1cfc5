import {
  answerLanguageSetting,
  apiKeySetting,
  type CustomEndpoint,
  customApiKeySetting,
  customEndpointSetting,
  DEFAULT_MODEL,
  detailSetting,
  fallbackModelsSetting,
  firstByteTimeoutSetting,
  type ImageDetail,
  idleTimeoutSetting,
  imageTimeoutSetting,
  maxImageSideSetting,
  maxTokensSetting,
  modelSetting,
  neverSitesSetting,
  noDataProvidersSetting,
  privateWindowsSetting,
  sendPublicByUrlSetting,
} from '../../utils/settings';
import { getValues, type StorageItem } from '../../utils/storage';

/** The settings the Options form edits, saved together by its Save button. */
export interface Draft {
  apiKey: string;
  model: string;
  fallbackModels: string;
  answerLanguage: string;
  detail: ImageDetail;
  maxImageSide: number;
  maxTokens: number;
  /** Waiting limits, in seconds: first byte of an answer, silence mid-answer, image download. */
  firstByteTimeout: number;
  idleTimeout: number;
  imageTimeout: number;
  noDataProviders: boolean;
  sendPublicByUrl: boolean;
  privateWindows: boolean;
  neverSites: string;
  custom: CustomEndpoint;
  customApiKey: string;
}

/** Changes the form; `stored`: the change is in storage already (signing in or out). */
export type UpdateDraft = (patch: Partial<Draft>, stored?: boolean) => void;

/** The stored setting behind each field of the form. */
const DRAFT_ITEMS = {
  apiKey: apiKeySetting,
  model: modelSetting,
  fallbackModels: fallbackModelsSetting,
  answerLanguage: answerLanguageSetting,
  detail: detailSetting,
  maxImageSide: maxImageSideSetting,
  maxTokens: maxTokensSetting,
  firstByteTimeout: firstByteTimeoutSetting,
  idleTimeout: idleTimeoutSetting,
  imageTimeout: imageTimeoutSetting,
  noDataProviders: noDataProvidersSetting,
  sendPublicByUrl: sendPublicByUrlSetting,
  privateWindows: privateWindowsSetting,
  neverSites: neverSitesSetting,
  custom: customEndpointSetting,
  customApiKey: customApiKeySetting,
} satisfies Record<keyof Draft, StorageItem<unknown>>;

type Stored = {
  [K in keyof typeof DRAFT_ITEMS]: (typeof DRAFT_ITEMS)[K] extends StorageItem<infer V> ? V : never;
};

/** Whether a `storage.local` change touches a setting the form edits. */
export function touchesDraft(changes: Record<string, unknown>): boolean {
  return Object.values(DRAFT_ITEMS).some((item) => item.key.slice('local:'.length) in changes);
}

/** `fresh`, but with each field the user edited (`form` differs from `before`) kept as edited. */
function keepEdits<T extends object>(form: T, before: T, fresh: T): T {
  const kept = (Object.keys(fresh) as (keyof T)[]).filter(
    (key) => JSON.stringify(form[key]) !== JSON.stringify(before[key]),
  );
  return { ...fresh, ...Object.fromEntries(kept.map((key) => [key, form[key]])) };
}

/**
 * The form after settings changed elsewhere: the fresh stored values, except in the fields
 * edited here and not saved. The endpoint's address, model and switch count one by one (an
 * edit of its model keeps an address changed in another tab).
 */
export function mergeDraft(form: Draft, before: Draft, fresh: Draft): Draft {
  return {
    ...keepEdits(form, before, fresh),
    custom: keepEdits(form.custom, before.custom, fresh.custom),
  };
}

export async function loadDraft(): Promise<Draft> {
  const fields = Object.keys(DRAFT_ITEMS) as (keyof Draft)[];
  const values = await getValues(fields.map((field) => DRAFT_ITEMS[field]));
  const stored = Object.fromEntries(fields.map((field, i) => [field, values[i]])) as Stored;
  // Lists are edited as text: models separated by commas, sites one per line.
  return {
    ...stored,
    fallbackModels: stored.fallbackModels.join(', '),
    neverSites: stored.neverSites.join('\n'),
  };
}

function list(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Writes the draft; `custom.baseUrl` must already be checked (checkEndpointUrl). */
export async function saveDraft(draft: Draft): Promise<Draft> {
  const saved: Draft = {
    ...draft,
    apiKey: draft.apiKey.trim(),
    model: draft.model.trim() || DEFAULT_MODEL,
  };
  await Promise.all([
    apiKeySetting.setValue(saved.apiKey),
    modelSetting.setValue(saved.model),
    fallbackModelsSetting.setValue(list(draft.fallbackModels, /[\s,]+/)),
    answerLanguageSetting.setValue(draft.answerLanguage),
    detailSetting.setValue(draft.detail),
    maxImageSideSetting.setValue(clamp(draft.maxImageSide, 256, 8192, 2048)),
    maxTokensSetting.setValue(clamp(draft.maxTokens, 0, 100_000, 1000)),
    firstByteTimeoutSetting.setValue(clamp(draft.firstByteTimeout, 5, 600, 60)),
    idleTimeoutSetting.setValue(clamp(draft.idleTimeout, 5, 600, 45)),
    imageTimeoutSetting.setValue(clamp(draft.imageTimeout, 2, 120, 15)),
    noDataProvidersSetting.setValue(draft.noDataProviders),
    sendPublicByUrlSetting.setValue(draft.sendPublicByUrl),
    privateWindowsSetting.setValue(draft.privateWindows),
    neverSitesSetting.setValue(list(draft.neverSites, /\n+/)),
    customEndpointSetting.setValue({
      enabled: draft.custom.enabled,
      baseUrl: draft.custom.baseUrl.trim(),
      model: draft.custom.model.trim(),
    }),
    customApiKeySetting.setValue(draft.customApiKey.trim()),
  ]);
  return saved;
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
