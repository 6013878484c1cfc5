import {
  answerLanguageSetting,
  type CustomEndpoint,
  customEndpointSetting,
  detailSetting,
  fallbackModelsSetting,
  firstByteTimeoutSetting,
  idleTimeoutSetting,
  imageTimeoutSetting,
  maxImageSideSetting,
  maxTokensSetting,
  modelSetting,
  neverSitesSetting,
  noDataProvidersSetting,
  type PresetState,
  presetsSetting,
  privateWindowsSetting,
  SETTINGS_SCHEMA,
  sendPublicByUrlSetting,
} from './settings';

/**
 * Settings that travel in an export, each with a check for imported values. Keys
 * (`apiKey`, `customApiKey`) are deliberately not in this table: they never leave, and an
 * import can never set them.
 */
const EXPORTABLE = {
  model: { item: modelSetting, valid: isString },
  fallbackModels: { item: fallbackModelsSetting, valid: isStringArray },
  answerLanguage: { item: answerLanguageSetting, valid: isString },
  detail: {
    item: detailSetting,
    valid: (v: unknown) => v === 'auto' || v === 'low' || v === 'high',
  },
  maxTokens: { item: maxTokensSetting, valid: isCount },
  maxImageSide: { item: maxImageSideSetting, valid: isCountIn(256, 8192) },
  // The same ranges as the Options form (components/options/draft.ts).
  firstByteTimeoutSeconds: { item: firstByteTimeoutSetting, valid: isCountIn(5, 600) },
  idleTimeoutSeconds: { item: idleTimeoutSetting, valid: isCountIn(5, 600) },
  imageTimeoutSeconds: { item: imageTimeoutSetting, valid: isCountIn(2, 120) },
  sendPublicByUrl: { item: sendPublicByUrlSetting, valid: isBoolean },
  noDataProviders: { item: noDataProvidersSetting, valid: isBoolean },
  privateWindows: { item: privateWindowsSetting, valid: isBoolean },
  neverSites: { item: neverSitesSetting, valid: isStringArray },
  customEndpoint: { item: customEndpointSetting, valid: isCustomEndpoint },
  presets: { item: presetsSetting, valid: isPresetState },
} as const;
type Name = keyof typeof EXPORTABLE;

export interface SettingsExport {
  iris: 'settings';
  schema: number;
  settings: Partial<Record<Name, unknown>>;
}

/** Every exportable setting as JSON text (no key, ever). */
export async function exportSettings(): Promise<string> {
  const settings: SettingsExport['settings'] = {};
  for (const name of Object.keys(EXPORTABLE) as Name[]) {
    settings[name] = await EXPORTABLE[name].item.getValue();
  }
  const data: SettingsExport = { iris: 'settings', schema: SETTINGS_SCHEMA, settings };
  return JSON.stringify(data, null, 2);
}

export type ImportResult = { ok: true; applied: string[]; skipped: string[] } | { ok: false };

/** Applies the valid settings of an export; anything unknown or malformed is skipped. */
export async function importSettings(text: string): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    console.warn('Iris: settings file is not JSON', error);
    return { ok: false };
  }
  if (!isRecord(data) || data.iris !== 'settings' || !isRecord(data.settings)) return { ok: false };
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(data.settings)) {
    const entry = Object.hasOwn(EXPORTABLE, name) ? EXPORTABLE[name as Name] : undefined;
    if (!entry?.valid(value)) {
      skipped.push(name);
      continue;
    }
    await (entry.item as { setValue(v: unknown): Promise<void> }).setValue(value);
    applied.push(name);
  }
  return { ok: true, applied, skipped };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;
}
function isCountIn(min: number, max: number) {
  return (v: unknown): v is number => isCount(v) && v >= min && v <= max;
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}
function isCustomEndpoint(v: unknown): v is CustomEndpoint {
  return isRecord(v) && isBoolean(v.enabled) && isString(v.baseUrl) && isString(v.model);
}
function isPresetState(v: unknown): v is PresetState {
  return (
    isRecord(v) &&
    isRecord(v.builtIns) &&
    Object.values(v.builtIns).every(isBoolean) &&
    Array.isArray(v.custom) &&
    v.custom.every(
      (p) =>
        isRecord(p) &&
        isString(p.id) &&
        isString(p.name) &&
        isString(p.prompt) &&
        isBoolean(p.enabled),
    )
  );
}
