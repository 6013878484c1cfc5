import { type Browser, browser } from 'wxt/browser';
import { findTarget } from './find-target';
import type { JobRunner } from './jobs/run-job';
import type { ImageSource } from './jobs/types';
import { openPopupOrBadge } from './toolbar';

export const DESCRIBE_IMAGE_MENU_ID = 'iris-describe-image';

/** (Re)creates Iris's context menu items. Idempotent: safe on install and on every start. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: DESCRIBE_IMAGE_MENU_ID,
    title: 'Describe image',
    // Canvas, CSS backgrounds and video frames are not "images" to the menu, so the item is
    // offered everywhere and the element is found another way (find-target.ts). Only 'all'
    // reaches a canvas: Chrome gives it a context of its own, neither 'image' nor 'page'.
    // It also lists the item on the toolbar button, where it starts the pick on the tab.
    contexts: ['all'],
  });
}

/** Registers the menu listeners; call synchronously in the background's main(). */
export function registerMenus(runner: JobRunner): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  // Firefox forgets menus of a non-persistent background page across restarts.
  if (import.meta.env.FIREFOX) browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(runner, info, tab);
  });
}

export async function handleMenuClick(
  runner: JobRunner,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (info.menuItemId !== DESCRIBE_IMAGE_MENU_ID) return;
  const source: ImageSource = {
    pageUrl: info.pageUrl,
    tabId: tab?.id,
    frameId: info.frameId,
    incognito: tab?.incognito,
  };
  if (info.mediaType === 'image' && info.srcUrl) {
    // Firefox only opens the popup from the click's own turn: ask before any await.
    const popup = openPopupOrBadge();
    await runner.start({ source: { ...source, srcUrl: info.srcUrl } });
    await popup;
    return;
  }
  if (tab?.id === undefined) return;
  // Firefox names the element (no pick, so the popup can open now); Chrome may need a pick,
  // and an open popup would take the focus the pick needs: it opens once the pick is done.
  const named = 'targetElementId' in info;
  const early = named ? openPopupOrBadge() : undefined;
  const found = await findTarget(info, tab.id);
  if (found.kind === 'cancelled') return;
  const popup = early ?? openPopupOrBadge();
  if (found.kind === 'failed') await runner.start({ source, error: found.error });
  else await runner.start({ source: { ...source, targetId: found.targetId } });
  await popup;
}
