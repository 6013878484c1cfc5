import { imageShowing } from './deep-images';
import { rememberedTarget } from './page-targets';
/** Where an element is on screen, as the capture crop needs it. */
export type ElementBox =
  | {
      ok: true;
      /** Visible part of the element, in CSS px of the top-level viewport. */
      rect: { x: number; y: number; width: number; height: number };
      devicePixelRatio: number;
      /** False when the element is an <img> that failed to load (nothing to capture). */
      shown: boolean;
      /** Set when a cross-origin parent hid the frame's position: the top frame must find it. */
      frameHref?: string;
    }
  | { ok: false; error: string };

/**
 * Injected on demand into the frame that holds the element: finds it (the remembered
 * target, else the <img> with this address), scrolls it into view, waits for paint, and
 * answers its visible box in the top-level viewport. Runs in a page script (utils/page/run-in-page.ts).
 */
export async function locateElementInPage(
  targetId: string | null,
  srcUrl: string | null,
): Promise<ElementBox> {
  let element = targetId ? rememberedTarget(targetId) : undefined;
  if (!element && srcUrl) {
    element = imageShowing(srcUrl);
  }
  if (!element?.isConnected) return { ok: false, error: 'the picture is no longer on the page' };
  const shown =
    !(element instanceof HTMLImageElement) || (element.complete && element.naturalWidth > 0);
  element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = element.getBoundingClientRect();
  let x = box.x;
  let y = box.y;
  let right = Math.min(box.right, window.innerWidth);
  let bottom = Math.min(box.bottom, window.innerHeight);
  x = Math.max(0, x);
  y = Math.max(0, y);
  // Walk up through same-origin frames, adding each <iframe>'s content-box position.
  let view: Window = window;
  while (view !== view.parent) {
    let frame: Element | null;
    try {
      frame = view.frameElement;
    } catch {
      frame = null; // a cross-origin parent: it must find the frame itself
    }
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    const left = outer.x + frame.clientLeft + Number.parseFloat(style.paddingLeft);
    const top = outer.y + frame.clientTop + Number.parseFloat(style.paddingTop);
    x += left;
    y += top;
    right += left;
    bottom += top;
    view = view.parent;
  }
  const rect = { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
  if (rect.width < 1 || rect.height < 1)
    return { ok: false, error: 'the picture is not visible on screen' };
  return {
    ok: true,
    rect,
    devicePixelRatio: window.devicePixelRatio,
    shown,
    frameHref: view === view.parent ? undefined : view.location.href,
  };
}

/**
 * Injected into the top frame when a cross-origin frame could not place itself: the
 * content-box position of the <iframe> showing `href` (searched through same-origin frames).
 */
export function findFrameOffsetInPage(href: string): { x: number; y: number } | null {
  const search = (doc: Document, dx: number, dy: number): { x: number; y: number } | null => {
    for (const frame of doc.querySelectorAll('iframe, frame')) {
      const outer = frame.getBoundingClientRect();
      const x = dx + outer.x + frame.clientLeft;
      const y = dy + outer.y + frame.clientTop;
      if ((frame as HTMLIFrameElement).src === href) return { x, y };
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null; // cross-origin: its own frames are out of reach
      }
      const found = inner ? search(inner, x, y) : null;
      if (found) return found;
    }
    return null;
  };
  return search(document, 0, 0);
}
