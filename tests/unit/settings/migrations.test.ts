import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiKeySetting,
  customApiKeySetting,
  customEndpointSetting,
  DEFAULT_MODEL,
  imageTimeoutMs,
  imageTimeoutSetting,
  OPENROUTER_BASE_URL,
  readJobSettings,
  SETTINGS_SCHEMA,
  settingsSchemaSetting,
} from '../../../utils/settings';
import { exportSettings, importSettings } from '../../../utils/settings-backup';
import { migrateSettings } from '../../../utils/settings-migrations';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('migrateSettings', () => {
  it('a fresh store ends at the current schema and keeps OpenRouter', async () => {
    expect(await migrateSettings()).toBe(SETTINGS_SCHEMA);
    expect(await settingsSchemaSetting.getValue()).toBe(SETTINGS_SCHEMA);
    const settings = await readJobSettings();
    expect(settings.endpoint).toBe('openrouter');
    expect(settings.baseUrl).toBe(OPENROUTER_BASE_URL);
  });

  it('schema 1 with a foreign base URL becomes a custom endpoint that owns its key', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: 'ollama-secret',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llava',
    });
    await migrateSettings();
    expect(await customEndpointSetting.getValue()).toEqual({
      enabled: true,
      baseUrl: 'http://localhost:11434/v1',
      model: 'llava',
    });
    expect(await customApiKeySetting.getValue()).toBe('ollama-secret');
    expect(await apiKeySetting.getValue()).toBe('');
    const settings = await readJobSettings();
    expect(settings).toMatchObject({
      endpoint: 'custom',
      apiKey: 'ollama-secret',
      model: 'llava',
      keyRequired: false,
    });
  });

  it('schema 1 keeps an OpenRouter key as OpenRouter’s and resets the model', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: 'sk-or-v1-abc',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'local-model',
    });
    await migrateSettings();
    expect(await apiKeySetting.getValue()).toBe('sk-or-v1-abc');
    expect(await customApiKeySetting.getValue()).toBe('');
    const stored = await fakeBrowser.storage.local.get(['model', 'baseUrl']);
    expect(stored).toEqual({ model: DEFAULT_MODEL });
  });

  it('is idempotent: a second run changes nothing', async () => {
    await fakeBrowser.storage.local.set({ baseUrl: 'http://localhost:1/v1', apiKey: 'k' });
    await migrateSettings();
    const first = await fakeBrowser.storage.local.get(null);
    await migrateSettings();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(first);
  });
});

describe('export and import', () => {
  it('never exports a key', async () => {
    await apiKeySetting.setValue('sk-or-v1-secret');
    await customApiKeySetting.setValue('custom-secret');
    const text = await exportSettings();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ iris: 'settings', schema: SETTINGS_SCHEMA });
  });

  it('round-trips settings, skips unknown or malformed values, and never sets a key', async () => {
    const result = await importSettings(
      JSON.stringify({
        iris: 'settings',
        schema: 2,
        settings: {
          model: 'openai/gpt-4o-mini',
          noDataProviders: true,
          maxTokens: 'lots',
          apiKey: 'sk-or-v1-injected',
          neverSites: ['bank.example'],
        },
      }),
    );
    expect(result).toEqual({
      ok: true,
      applied: ['model', 'noDataProviders', 'neverSites'],
      skipped: ['maxTokens', 'apiKey'],
    });
    expect(await apiKeySetting.getValue()).toBe('');
    const settings = await readJobSettings();
    expect(settings).toMatchObject({ model: 'openai/gpt-4o-mini', noDataProviders: true });
    expect(settings.neverSites).toEqual(['bank.example']);
  });

  it('imports waiting limits and the image side only within the ranges Options allows', async () => {
    const result = await importSettings(
      JSON.stringify({
        iris: 'settings',
        schema: 2,
        settings: {
          firstByteTimeoutSeconds: 0,
          idleTimeoutSeconds: 30,
          imageTimeoutSeconds: 500,
          maxImageSide: 0,
        },
      }),
    );
    expect(result).toEqual({
      ok: true,
      applied: ['idleTimeoutSeconds'],
      skipped: ['firstByteTimeoutSeconds', 'imageTimeoutSeconds', 'maxImageSide'],
    });
    expect(await readJobSettings()).toMatchObject({
      firstByteTimeoutSeconds: 60,
      idleTimeoutSeconds: 30,
      imageTimeoutSeconds: 15,
    });
  });

  it.each(['not json', '[]', '{"iris":"other","settings":{}}'])('refuses %s', async (text) => {
    expect(await importSettings(text)).toEqual({ ok: false });
  });
});

describe('imageTimeoutSeconds', () => {
  it('defaults to 15 s, with no migration needed for older stores', async () => {
    await migrateSettings();
    const settings = await readJobSettings();
    expect(settings.imageTimeoutSeconds).toBe(15);
    expect(imageTimeoutMs(settings)).toBe(15_000);
  });

  it.each([
    [3, 3],
    [0.5, 0.5],
    [0, 15],
    [-2, 15],
    [Number.NaN, 15],
    ['ten', 15],
  ])('a stored %s is read as %s s', async (stored, seconds) => {
    await fakeBrowser.storage.local.set({ imageTimeoutSeconds: stored });
    expect((await readJobSettings()).imageTimeoutSeconds).toBe(seconds);
  });

  it('is the item the settings define', async () => {
    await imageTimeoutSetting.setValue(4);
    expect(imageTimeoutMs(await readJobSettings())).toBe(4000);
  });
});
