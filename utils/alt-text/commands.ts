import { type Browser, browser } from 'wxt/browser';
import { IrisError } from '../errors';
import { t } from '../i18n';
import type { JobRunner } from '../jobs/run-job';
import { logFailure } from '../log';
import { executeScript } from '../page/execute-script';
import { runInPage } from '../page/run-in-page';
import { openPopupSoon } from '../toolbar';
import { ALT_TEXT_SCRIPT_FILE, siteOf } from './sites';
import { altTextOncePassesItem } from './store';

/** Manifest `commands` names (wxt.config.ts). */
export const DESCRIBE_FOCUSED_COMMAND = 'describe-focused-image';
export const ALT_TEXT_PAGE_COMMAND = 'alt-text-page';

/**
 * Registers the alt-text keyboard commands (its own onCommand listener, beside any other);
 * call synchronously in the background's main().
 */
export function registerAltTextCommands(runner: JobRunner): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === DESCRIBE_FOCUSED_COMMAND) void describeFocusedImage(runner, tab);
    if (command === ALT_TEXT_PAGE_COMMAND) void altTextForPage(tab);
  });
}

/**
 * "Describe focused image": the command grants activeTab, so a small function is injected
 * into every frame to find the image that has focus; its long description streams into
 * the popup like Describe image.
 */
export async function describeFocusedImage(runner: JobRunner, tab?: Browser.tabs.Tab) {
  if (tab?.id === undefined) return;
  const popup = openPopupSoon();
  const results = await runInPage(executeScript, {
    target: { tabId: tab.id, allFrames: true },
    file: '/page-alt-text.js',
    name: 'findFocusedImageInPage',
    args: [],
  }).catch((error: unknown) => {
    logFailure('cannot look for the focused image here')(error);
    return [];
  });
  const hit = results.find((result) => typeof result.result === 'string');
  if (!hit) {
    await runner.fail(new IrisError('no-focused-image', t('errorNoFocusedImage')));
  } else {
    await runner.start({
      source: {
        srcUrl: hit.result as string,
        pageUrl: tab.url,
        tabId: tab.id,
        frameId: hit.frameId,
        incognito: tab.incognito,
      },
    });
  }
  await popup;
}

/** "Alt text for this page": one pass of auto mode on this tab, with activeTab's access. */
export async function altTextForPage(tab?: Browser.tabs.Tab) {
  const site = siteOf(tab?.url);
  if (tab?.id === undefined || !site) return;
  const passes = await altTextOncePassesItem.getValue();
  await altTextOncePassesItem.setValue({ ...passes, [String(tab.id)]: site });
  await browser.scripting.executeScript({
    target: { tabId: tab.id },
    files: [ALT_TEXT_SCRIPT_FILE],
  });
}
