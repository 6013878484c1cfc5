import { browser } from 'wxt/browser';
import { logFailure } from './log';
import {
  apiKeySetting,
  baseUrlSetting,
  customApiKeySetting,
  customEndpointSetting,
  DEFAULT_MODEL,
  modelSetting,
  OPENROUTER_BASE_URL,
  SETTINGS_SCHEMA,
  settingsSchemaSetting,
} from './settings';

/** One step from schema `from` to `from + 1`, across several items. */
type Migration = { from: number; run: () => Promise<void> };

const MIGRATIONS: Migration[] = [
  {
    // Schema 1 had one base URL and one key: a base URL other than OpenRouter's was in fact a
    // custom endpoint, and the key went to it. Split them so each endpoint keeps its own key.
    from: 1,
    run: async () => {
      const baseUrl = await baseUrlSetting.getValue();
      if (isOpenRouter(baseUrl)) return;
      const [key, model] = await Promise.all([apiKeySetting.getValue(), modelSetting.getValue()]);
      await customEndpointSetting.setValue({ enabled: true, baseUrl, model });
      await Promise.all([baseUrlSetting.removeValue(), modelSetting.setValue(DEFAULT_MODEL)]);
      // An OpenRouter-style key stays OpenRouter's; any other belonged to that server.
      if (key && !key.startsWith('sk-or-')) {
        await customApiKeySetting.setValue(key);
        await apiKeySetting.removeValue();
      }
    },
  },
];

function isOpenRouter(baseUrl: string): boolean {
  if (baseUrl === OPENROUTER_BASE_URL) return true;
  try {
    return new URL(baseUrl).hostname === 'openrouter.ai';
  } catch (error) {
    logFailure('stored base URL is not a URL')(error);
    return false;
  }
}

/**
 * Brings stored settings up to `SETTINGS_SCHEMA`, one step at a time. Run on install/update;
 * safe to run again (a store at the current schema is left alone).
 */
export async function migrateSettings(): Promise<number> {
  let schema = await settingsSchemaSetting.getValue();
  for (const step of MIGRATIONS) {
    if (step.from !== schema) continue;
    await step.run();
    schema = step.from + 1;
    await settingsSchemaSetting.setValue(schema);
  }
  if (schema < SETTINGS_SCHEMA) await settingsSchemaSetting.setValue(SETTINGS_SCHEMA);
  return Math.max(schema, SETTINGS_SCHEMA);
}

/** Migrates on install and update; call synchronously in the background's main(). */
export function registerSettingsMigrations(): void {
  browser.runtime.onInstalled.addListener(() => {
    void migrateSettings().catch(logFailure('settings migration failed', 'error'));
  });
}
