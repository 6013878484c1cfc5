import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { executeScript } from '../page/execute-script';
import { runInPage } from '../page/run-in-page';

export interface CaptureInput {
  tabId: number;
  frameId?: number;
  /** An element remembered in the frame (picked, or named by Firefox's menu). */
  targetId?: string;
  /** Else the <img> showing this address. */
  srcUrl?: string;
}

export interface CaptureDeps {
  executeScript?: typeof browser.scripting.executeScript;
  captureVisibleTab?: (windowId: number) => Promise<string>;
  getTab?: (tabId: number) => Promise<{ windowId?: number; active?: boolean }>;
}

/**
 * The last step of the byte chain: the element's box cropped from a screenshot of the tab,
 * which covers what no fetch can read (a tainted canvas, a CSS background, a video frame).
 * The element is scrolled into view first; CSS px become device px through the page's
 * devicePixelRatio, which already includes the zoom level. Answers PNG bytes.
 */
export async function captureElement(
  input: CaptureInput,
  deps: CaptureDeps = {},
): Promise<Uint8Array> {
  const inject = deps.executeScript ?? executeScript;
  const [located] = await runInPage(inject, {
    target: { tabId: input.tabId, frameIds: [input.frameId ?? 0] },
    file: '/page-image.js',
    name: 'locateElementInPage',
    args: [input.targetId ?? null, input.srcUrl ?? null],
  });
  const box = located?.result;
  if (!box) throw new Error(t('reasonNoAnswer'));
  if (!box.ok) throw new Error(box.error);
  if (!box.shown) throw new Error(t('reasonNotShown'));
  const rect = { ...box.rect };
  if (box.frameHref) {
    const [found] = await runInPage(inject, {
      target: { tabId: input.tabId, frameIds: [0] },
      file: '/page-image.js',
      name: 'findFrameOffsetInPage',
      args: [box.frameHref],
    });
    const offset = found?.result;
    if (!offset) throw new Error(t('reasonForeignFrame'));
    rect.x += offset.x;
    rect.y += offset.y;
  }
  const getTab = deps.getTab ?? ((id: number) => browser.tabs.get(id));
  const tab = await getTab(input.tabId);
  if (!tab.active || tab.windowId === undefined) throw new Error(t('reasonTabHidden'));
  const capture =
    deps.captureVisibleTab ??
    ((windowId: number) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
  const shot = await createImageBitmap(await (await fetch(await capture(tab.windowId))).blob());
  try {
    return await crop(shot, rect, box.devicePixelRatio);
  } finally {
    shot.close();
  }
}

async function crop(
  shot: ImageBitmap,
  rect: { x: number; y: number; width: number; height: number },
  scale: number,
): Promise<Uint8Array> {
  const x = Math.max(0, Math.round(rect.x * scale));
  const y = Math.max(0, Math.round(rect.y * scale));
  const width = Math.min(shot.width - x, Math.round(rect.width * scale));
  const height = Math.min(shot.height - y, Math.round(rect.height * scale));
  if (width < 1 || height < 1) throw new Error(t('reasonOffScreen'));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(shot, x, y, width, height, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
