import type { Browser } from 'wxt/browser';
import { altTextJobRequest } from './alt-text/menu-alt';
import { type CaptureDeps, captureRegion } from './capture';
import { IrisError, toIrisError } from './errors';
import { findTarget } from './find-target';
import { t } from './i18n';
import type { JobRunner } from './jobs/run-job';
import type { ImageSource } from './jobs/types';
import { maxImageSideSetting } from './settings';
import { openPopupOrBadge, openPopupSoon } from './toolbar';

type Tab = Browser.tabs.Tab | undefined;

/** The image a context-menu click points at. */
export function sourceFromClick(
  info: Browser.contextMenus.OnClickData,
  tab: Tab,
): ImageSource | undefined {
  if (!info.srcUrl) return undefined;
  return {
    srcUrl: info.srcUrl,
    pageUrl: info.pageUrl,
    tabId: tab?.id,
    frameId: info.frameId,
    incognito: tab?.incognito,
    // Firefox: lets an injected script find the very element (menus.getTargetElement).
    targetElementId: (info as { targetElementId?: number }).targetElementId,
  };
}

/** Where a click was, for an element that is still to be found there. */
function pageSource(info: Browser.contextMenus.OnClickData, tabId: number, tab: Tab): ImageSource {
  return { pageUrl: info.pageUrl, tabId, frameId: info.frameId, incognito: tab?.incognito };
}

/**
 * What a user can start from a menu, a shortcut or the popup. Each opens the popup where
 * there is something to show; the popup must be asked for before any await (Firefox only
 * opens it in the click's own turn).
 */
export function createActions(runner: JobRunner, captureDeps: Partial<CaptureDeps> = {}) {
  /** Asks for the popup first (synchronously; it opens once the job is under way), then runs `task`. */
  async function withPopup(task: () => Promise<unknown>): Promise<void> {
    const popup = openPopupSoon();
    await task();
    await popup;
  }

  return {
    /**
     * Describe image from the menu: an <img> at once; anything else (canvas, CSS background,
     * video frame) is found first — named by Firefox, picked by the user on Chrome.
     */
    async describeClicked(info: Browser.contextMenus.OnClickData, tab: Tab): Promise<void> {
      const source = sourceFromClick(info, tab);
      if (info.mediaType === 'image' && source) return withPopup(() => runner.start({ source }));
      if (tab?.id === undefined) return;
      const base = pageSource(info, tab.id, tab);
      // Firefox names the element (no pick, so the popup can open now); Chrome may need a
      // pick, and an open popup would take the focus the pick needs: it opens after.
      const early =
        import.meta.env.FIREFOX && 'targetElementId' in info ? openPopupSoon() : undefined;
      const found = await findTarget(info, tab.id);
      if (found.kind === 'cancelled') return;
      const popup = early ?? openPopupSoon();
      if (found.kind === 'failed') await runner.start({ source: base, error: found.error });
      else await runner.start({ source: { ...base, targetId: found.targetId } });
      await popup;
    },

    /**
     * For the image-only items, when the menu says "image" but gives no address (a data: URL
     * over 2 MB; callers try `sourceFromClick` first): the element found in the page, or
     * picked. A failure to find it ends in a job that says so.
     */
    async findUnnamedImage(
      info: Browser.contextMenus.OnClickData,
      tab: Tab,
    ): Promise<ImageSource | undefined> {
      if (info.mediaType !== 'image' || tab?.id === undefined) return undefined;
      const base = pageSource(info, tab.id, tab);
      const found = await findTarget(info, tab.id);
      if (found.kind === 'found') return { ...base, targetId: found.targetId };
      if (found.kind === 'failed')
        await withPopup(() => runner.start({ source: base, error: found.error }));
      return undefined;
    },

    /** Generate alt text: a concise alt, streamed, then written onto the clicked image. */
    generateAltText(source: ImageSource): Promise<void> {
      return withPopup(async () => runner.start(await altTextJobRequest(source)));
    },

    /** Ask about this image…: a new draft with this image; the question is typed in the popup. */
    ask(source: ImageSource): Promise<void> {
      return withPopup(() => runner.addToDraft([source], true));
    },

    /** Add to question: collects the image into the open draft; the badge counts them. */
    async addToQuestion(source: ImageSource): Promise<void> {
      await runner.addToDraft([source]);
    },

    /** Capture a region and ask…: select, capture, crop, then ask in the popup. */
    async captureAndAsk(tab: Tab): Promise<void> {
      try {
        const maxSide = captureDeps.maxSide ?? (await maxImageSideSetting.getValue());
        const image = await captureRegion(tab, { ...captureDeps, maxSide });
        if (!image) return;
        await runner.addToDraft([image]);
      } catch (error) {
        const failure = toIrisError(error);
        // The popup shows a capture failure's own sentence: an unexpected one gets the
        // general sentence, its technical text kept in the details.
        await runner.fail(
          failure.code === 'internal'
            ? new IrisError(
                'capture-failed',
                t('errorCaptureFailed'),
                { providerMessage: failure.message },
                { cause: error },
              )
            : failure,
        );
      }
      await openPopupOrBadge();
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
