import { type Browser, browser } from 'wxt/browser';
import { IrisError } from './errors';
import { t } from './i18n';
import { takeLastContextTarget } from './page/context-target';
import { type PickResult, pickElementInPage, rememberTargetInPage } from './page/pick-element';
import { rememberMediaInPage } from './page/remember-media';
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
 * only by its address; otherwise Chrome lets the user pick it (pick mode, injected now).
 */
export async function findTarget(
  info: MenuInfo,
  tabId: number,
  inject = browser.scripting.executeScript.bind(browser.scripting),
): Promise<FoundTarget> {
  const executeScript: typeof inject = (injection) => whenGranted(() => inject(injection));
  const target = { tabId, frameIds: [info.frameId ?? 0] };
  try {
    if (info.targetElementId !== undefined) {
      const [found] = await executeScript({
        target,
        func: rememberTargetInPage,
        args: [info.targetElementId],
      });
      const targetId = found?.result as string | null | undefined;
      if (targetId) return { kind: 'found', targetId };
    }
    if (info.mediaType === 'video' && info.srcUrl) {
      const [found] = await executeScript({
        target,
        func: rememberMediaInPage,
        args: [info.srcUrl],
      });
      const targetId = found?.result as string | null | undefined;
      if (targetId) return { kind: 'found', targetId };
    }
    // With access to all sites, a listener remembered what was right-clicked: no pick.
    const [remembered] = await executeScript({
      target,
      func: takeLastContextTarget,
      args: [REMEMBERED_MAX_AGE_MS],
    });
    const rememberedId = remembered?.result as string | null | undefined;
    if (rememberedId) return { kind: 'found', targetId: rememberedId };
    const [picked] = await executeScript({
      target,
      func: pickElementInPage,
      args: [PICK_TIMEOUT_MS, t('pickBanner')],
    });
    const result = picked?.result as PickResult | undefined;
    if (result?.ok) return { kind: 'found', targetId: result.targetId };
    return { kind: 'cancelled' };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      kind: 'failed',
      error: new IrisError(
        'image-unreachable',
        'Iris cannot reach into this page (the browser keeps extensions out of it).',
        { steps: [`Finding the picture you clicked: ${reason}`] },
        { cause },
      ),
    };
  }
}
