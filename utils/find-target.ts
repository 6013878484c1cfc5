import type { Browser } from 'wxt/browser';
import { IrisError, messageOf } from './errors';
import { t } from './i18n';
import { executeScript } from './page/execute-script';
import { type Inject, runInPage } from './page/run-in-page';
import { whenGranted } from './page/when-granted';

/** A right-click remembered longer ago than this is not the one the menu was opened for. */
const REMEMBERED_MAX_AGE_MS = 15_000;

/** How long pick mode waits for a click before it gives up. */
const PICK_TIMEOUT_MS = 60_000;

export type FoundTarget =
  | { kind: 'found'; targetId: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: IrisError };

type MenuInfo = Browser.contextMenus.OnClickData & { targetElementId?: number };

/**
 * Finds the element a "Describe image" click on a page, frame or video meant, when the menu
 * gave no image address: Firefox names it (`menus.getTargetElement`); Chrome names a video
 * only by its address, and an image whose address is too long for it by nothing (the one
 * such image in the frame); otherwise Chrome lets the user pick it (pick mode, injected now).
 */
export async function findTarget(
  info: MenuInfo,
  tabId: number,
  inject: Inject = executeScript,
): Promise<FoundTarget> {
  const granted: Inject = (injection) => whenGranted(() => inject(injection));
  const target = { tabId, frameIds: [info.frameId ?? 0] };
  const file = '/page-find-target.js';
  try {
    if (import.meta.env.FIREFOX && info.targetElementId !== undefined) {
      const [found] = await runInPage(granted, {
        target,
        file,
        name: 'rememberTargetInPage',
        args: [info.targetElementId],
      });
      if (found?.result) return { kind: 'found', targetId: found.result };
    }
    if (info.mediaType === 'image' && !info.srcUrl) {
      const [found] = await runInPage(granted, {
        target,
        file,
        name: 'rememberUnnamedImageInPage',
        args: [],
      });
      if (found?.result) return { kind: 'found', targetId: found.result };
    }
    if (info.mediaType === 'video' && info.srcUrl) {
      const [found] = await runInPage(granted, {
        target,
        file,
        name: 'rememberMediaInPage',
        args: [info.srcUrl],
      });
      if (found?.result) return { kind: 'found', targetId: found.result };
    }
    // With access to all sites, a listener remembered what was right-clicked: no pick.
    const [remembered] = await runInPage(granted, {
      target,
      file,
      name: 'takeLastContextTarget',
      args: [REMEMBERED_MAX_AGE_MS],
    });
    if (remembered?.result) return { kind: 'found', targetId: remembered.result };
    const [picked] = await runInPage(granted, {
      target,
      file,
      name: 'pickElementInPage',
      args: [PICK_TIMEOUT_MS, t('pickBanner')],
    });
    const result = picked?.result;
    if (result?.ok) return { kind: 'found', targetId: result.targetId };
    return { kind: 'cancelled' };
  } catch (cause) {
    const reason = messageOf(cause);
    return {
      kind: 'failed',
      error: new IrisError(
        'image-unreachable',
        t('imageCannotReachPage'),
        { steps: [t('stepFindClicked', reason)] },
        { cause },
      ),
    };
  }
}
