import { browser } from 'wxt/browser';
import { logFailure } from './log';

const SCRIPT_ID = 'iris-context-target';
/** Where WXT builds entrypoints/context-target.ts. */
const SCRIPT_FILE = '/context-target.js';
export const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Registers the right-click listener on every site while Iris has access to all sites
 * (an optional permission the user grants in Options), and removes it when that access
 * is withdrawn. Pages open before the grant get it on their next load.
 */
export async function syncContextListener(): Promise<void> {
  const granted = await browser.permissions.contains(ALL_SITES);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const script = {
    id: SCRIPT_ID,
    matches: ['<all_urls>'],
    js: [SCRIPT_FILE],
    runAt: 'document_start' as const,
    allFrames: true,
  };
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  } else if (granted && registered[0]?.js?.[0] !== SCRIPT_FILE) {
    // Registered by an older version, whose file had another name.
    await browser.scripting.updateContentScripts([script]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/** Registers the listeners; call synchronously in the background's main(). */
export function registerContextListener(): void {
  const sync = () =>
    void syncContextListener().catch(logFailure('could not update the right-click listener'));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}
