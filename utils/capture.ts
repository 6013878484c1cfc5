import { type Browser, browser } from 'wxt/browser';
import { IrisError, messageOf } from './errors';
import { t } from './i18n';
import { cropBox } from './image/crop';
import { toDataUrl } from './image/data-url';
import { fitWithin, readDimensions } from './image/dimensions';
import { encodeWithinCap, thumbnailOf } from './image/encode';
import { MAX_IMAGE_BYTES } from './image/normalize';
import type { ReadyImage } from './jobs/run-job';
import { executeScript } from './page/execute-script';
import type { RegionSelection } from './page/region-overlay';
import { runInPage } from './page/run-in-page';

export interface CaptureDeps {
  executeScript?: typeof browser.scripting.executeScript;
  captureVisibleTab?: (windowId: number, options: { format: 'png' }) => Promise<string>;
  maxSide: number;
}

/**
 * "Capture a region and ask…": the selection overlay in the tab, then a screenshot of the
 * visible tab cropped to the selection in device pixels, shrunk by the usual image rules.
 * Resolves to null when the user cancels (Esc). One code path for the menu, the keyboard
 * shortcut and the popup button.
 */
export async function captureRegion(
  tab: Browser.tabs.Tab | undefined,
  deps: CaptureDeps,
): Promise<ReadyImage | null> {
  if (tab?.id === undefined || tab.windowId === undefined) {
    throw new IrisError('capture-failed', t('captureNoTab'));
  }
  const inject = deps.executeScript ?? executeScript;
  let selection: RegionSelection | null | undefined;
  try {
    const [injection] = await runInPage(inject, {
      target: { tabId: tab.id },
      file: '/page-region.js',
      name: 'selectRegion',
      args: [{ label: t('regionLabel'), help: t('regionHelp') }],
    });
    selection = injection?.result;
  } catch (cause) {
    // An ordinary web page refuses only when Iris was not invoked on it (activeTab is
    // granted by the toolbar button, the menu or a shortcut, not by a popup Iris opened);
    // Chrome's browser pages and stores say so in their own words ("Cannot access a
    // chrome:// URL"). Firefox says "Missing host permission for the tab" for both: there
    // the tab's address (when Iris may see it) tells a closed page from a web page.
    const reason = messageOf(cause);
    const webPage =
      /must request permission/i.test(reason) ||
      (/missing host permission/i.test(reason) && !closedToExtensions(tab.url));
    const key = webPage ? await captureShortcut() : undefined;
    throw new IrisError(
      'capture-failed',
      webPage ? (key ? t('captureNotYet', key) : t('captureNotYetNoKey')) : t('captureClosedPage'),
      { providerMessage: reason },
      { cause },
    );
  }
  if (!selection) return null;
  const capture =
    deps.captureVisibleTab ??
    ((windowId, options) => browser.tabs.captureVisibleTab(windowId, options));
  const shot = await (await fetch(await capture(tab.windowId, { format: 'png' }))).blob();
  // The screenshot's size from its PNG header, the crop and the shrink to the size limit in
  // one decode (decode-time resizing), one encode, and the preview from the same pixels.
  const header = new Uint8Array(await shot.slice(0, 64).arrayBuffer());
  const full = readDimensions(header, 'image/png');
  if (!full) throw new IrisError('capture-failed', t('captureNoScreenshot'));
  const box = cropBox(selection, full.width, full.height);
  const size = fitWithin(box.sw, box.sh, deps.maxSide);
  const bitmap = await createImageBitmap(shot, box.sx, box.sy, box.sw, box.sh, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  let out: Awaited<ReturnType<typeof encodeWithinCap>>;
  let thumbnail: string;
  try {
    // A screenshot is lossless: PNG when it is not much larger than the JPEG (crisp text).
    out = await encodeWithinCap(bitmap, { lossless: true, maxBytes: MAX_IMAGE_BYTES });
    thumbnail = await thumbnailOf(bitmap);
  } finally {
    bitmap.close();
  }
  const bytes = new Uint8Array(await out.blob.arrayBuffer());
  const payload = {
    dataUrl: toDataUrl(out.blob.type, bytes),
    mime: out.blob.type,
    bytes: bytes.length,
    width: out.width,
    height: out.height,
  };
  return {
    source: {
      srcUrl: `capture:${new Date().toISOString()}`,
      pageUrl: tab.url,
      tabId: tab.id,
      incognito: tab.incognito,
    },
    payload: { kind: 'data', ...payload },
    thumbnail,
  };
}

/** Pages no extension may script: the browser's own, and Firefox's add-on store. */
function closedToExtensions(url: string | undefined): boolean {
  if (!url) return false;
  return !/^https?:/i.test(url) || /^https:\/\/addons\.mozilla\.org\//i.test(url);
}

/** The capture shortcut as the user has it now (they may have changed or removed it). */
async function captureShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === 'capture-region')?.shortcut || undefined;
  } catch {
    return undefined;
  }
}
