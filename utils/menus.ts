import { type Browser, browser } from 'wxt/browser';
import { type Actions, sourceFromClick } from './actions';
import { GENERATE_ALT_MENU_ID } from './alt-text/menu-alt';
import { t } from './i18n';
import type { ImageSource } from './jobs/types';
import { createPresetMenus } from './preset-menus';

type Context = NonNullable<Browser.contextMenus.CreateProperties['contexts']>[number];

interface MenuItem {
  id: string;
  title: string;
  contexts: [Context, ...Context[]];
  run: (
    actions: Actions,
    info: Browser.contextMenus.OnClickData,
    tab: Browser.tabs.Tab | undefined,
  ) => Promise<void>;
}

/** Runs `action` on the clicked image, if the click was on one. */
function onImage(
  action: (actions: Actions, source: ImageSource) => Promise<void>,
): MenuItem['run'] {
  return async (actions, info, tab) => {
    // No await when the menu gave the address: Firefox opens the popup only in the click's turn.
    const source = sourceFromClick(info, tab) ?? (await actions.findUnnamedImage(info, tab));
    if (source) await action(actions, source);
  };
}

/** Iris's context menu. Titles are what users (and acceptance tests) look for: keep them exact. */
export const MENU_ITEMS: MenuItem[] = [
  {
    id: 'iris-describe-image',
    title: t('menuDescribeImage'),
    // Canvas, CSS backgrounds and video frames are not "images" to the menu, so the item is
    // offered everywhere and the element is found another way (find-target.ts). Only 'all'
    // reaches a canvas: Chrome gives it a context of its own, neither 'image' nor 'page'.
    contexts: ['all'],
    run: (actions, info, tab) => actions.describeClicked(info, tab),
  },
  {
    id: 'iris-ask-image',
    title: t('menuAskImage'),
    contexts: ['image'],
    run: onImage((a, s) => a.ask(s)),
  },
  {
    id: 'iris-add-to-question',
    title: t('menuAddToQuestion'),
    contexts: ['image'],
    run: onImage((a, s) => a.addToQuestion(s)),
  },
  {
    id: GENERATE_ALT_MENU_ID,
    title: t('menuGenerateAlt'),
    contexts: ['image'],
    run: onImage((a, s) => a.generateAltText(s)),
  },
  {
    id: 'iris-capture-region',
    title: t('menuCaptureRegion'),
    // Not 'frame': on a canvas in a frame, Describe image then stands alone, as on the page.
    contexts: ['page', 'image', 'link', 'selection', 'video'],
    run: (actions, _info, tab) => actions.captureAndAsk(tab),
  },
];

/** (Re)creates Iris's context menu items. Idempotent: safe on install and on every start. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const { id, title, contexts } of MENU_ITEMS) {
    browser.contextMenus.create({ id, title, contexts });
  }
  // The user's enabled prompt presets, after Iris's own items.
  await createPresetMenus();
}

/** Registers the menu listeners; call synchronously in the background's main(). */
export function registerMenus(actions: Actions): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  // Firefox forgets menus of a non-persistent background page across restarts.
  if (import.meta.env.FIREFOX) browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
    if (item) void item.run(actions, info, tab);
  });
}
