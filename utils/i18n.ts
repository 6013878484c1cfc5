import { browser } from 'wxt/browser';
// Type only: the English messages are not bundled, the browser reads them from _locales.
import type en from '../public/_locales/en/messages.json';

/** A key of public/_locales/<lang>/messages.json. */
export type MessageKey = keyof typeof en;

/**
 * The UI text for `key` in the browser's language (English when it has no translation),
 * with `$1`…`$9` replaced by `substitutions`. An unknown key shows itself, never nothing.
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = typeof substitutions === 'number' ? String(substitutions) : substitutions;
  // WXT types getMessage for its own generated keys only; ours come from messages.json.
  const i18n = browser.i18n as {
    getMessage(name: string, substitutions?: string | (string | number)[]): string;
  };
  return i18n.getMessage(key, subs) || key;
}
