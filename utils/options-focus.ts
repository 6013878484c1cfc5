import { browser } from 'wxt/browser';
import * as storage from './storage';

/**
 * The Options field a "next step" leads to (its element id): "Check the endpoint settings"
 * lands on the endpoint's key, address or model, not at the top of a long page.
 */
export type OptionsField =
  | 'api-key'
  | 'model'
  | 'max-tokens'
  | 'private-windows'
  | 'never-sites'
  | 'endpoint-url'
  | 'endpoint-model'
  | 'endpoint-key';

/**
 * Handed from the popup to Options through storage.session: `openOptionsPage` reuses an
 * Options tab already open (a URL hash would not reach it), and the popup closes at once.
 */
export const optionsFocusItem = storage.defineItem<OptionsField | null>('session:optionsFocus', {
  fallback: null,
});

/** Opens Options (or brings its tab forward) at `field`, when there is one. */
export async function openOptionsAt(field?: OptionsField): Promise<void> {
  if (field) await optionsFocusItem.setValue(field);
  try {
    await browser.runtime.openOptionsPage();
  } catch (error) {
    // Not left for the next time Options is opened by hand.
    if (field) await optionsFocusItem.removeValue();
    throw error;
  }
}
