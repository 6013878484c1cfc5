import { type Browser, browser } from 'wxt/browser';
import type { JobRunner } from './jobs/run-job';
import { createPresetMenus, registerPresetMenus } from './preset-menus';
import { openPopupOrBadge } from './toolbar';

export const DESCRIBE_IMAGE_MENU_ID = 'iris-describe-image';

/** (Re)creates Iris's context menu items. Idempotent: safe on install and on every start. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: DESCRIBE_IMAGE_MENU_ID,
    title: 'Describe image',
    contexts: ['image'],
  });
  await createPresetMenus();
}

/** Registers the menu listeners; call synchronously in the background's main(). */
export function registerMenus(runner: JobRunner): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  // Firefox forgets menus of a non-persistent background page across restarts.
  if (import.meta.env.FIREFOX) browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(runner, info, tab);
  });
  registerPresetMenus(runner);
}

export async function handleMenuClick(
  runner: JobRunner,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (info.menuItemId !== DESCRIBE_IMAGE_MENU_ID || !info.srcUrl) return;
  // Firefox only opens the popup from the click's own turn: ask before any await.
  const popup = openPopupOrBadge();
  await runner.start({
    source: {
      srcUrl: info.srcUrl,
      pageUrl: info.pageUrl,
      tabId: tab?.id,
      frameId: info.frameId,
      incognito: tab?.incognito,
    },
  });
  await popup;
}
