import { type Browser, browser } from 'wxt/browser';
import type { Actions } from './actions';

/** Manifest `commands` names (wxt.config.ts); users can change the keys in the browser. */
export const CAPTURE_COMMAND = 'capture-region';

/** The tab the user is looking at (for the popup button and shortcuts without a tab). */
export async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** Registers keyboard shortcuts; call synchronously in the background's main(). */
export function registerCommands(actions: Actions): void {
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (command === CAPTURE_COMMAND)
      void (async () => actions.captureAndAsk(tab ?? (await activeTab())))();
  });
}
