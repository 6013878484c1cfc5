/**
 * The alt-text functions of the page script page-alt-text.js (utils/page/run-in-page.ts).
 * They run in Iris's isolated world, the same one as the alt-text content script, so they
 * can reach its controller.
 *
 * Marks, shared with utils/alt-text/auto.ts: `data-iris-alt` on every <img> Iris wrote an
 * alt on, and `data-iris-alt-original` holding the author's alt (absent: there was none).
 */

import { imageShowing, queryAllDeep } from './deep-images';
import { rememberedTarget } from './page-targets';

/** Stops auto mode in this frame and restores every alt Iris wrote. Returns how many. */
export function undoAltTextInPage(): number {
  const scope = globalThis as { __irisAltText?: { stop: () => void } };
  scope.__irisAltText?.stop();
  scope.__irisAltText = undefined;
  let restored = 0;
  for (const img of queryAllDeep('img[data-iris-alt]')) {
    const original = img.getAttribute('data-iris-alt-original');
    if (original === null) img.removeAttribute('alt');
    else img.setAttribute('alt', original);
    img.removeAttribute('data-iris-alt');
    img.removeAttribute('data-iris-alt-original');
    restored++;
  }
  for (const notice of document.querySelectorAll('[data-iris-notice]')) notice.remove();
  return restored;
}

/**
 * Writes `alt` on the image the user right-clicked: Firefox names it (targetElementId);
 * one found before the request is remembered (targetId: an address too long for the menu);
 * else Chrome gives only its URL, so among the images with that URL (inside web components
 * too) the one under the pointer wins, else the first. Returns whether an image was found.
 */
export function applyAltInPage(
  srcUrl: string | null,
  alt: string,
  targetElementId: number | null,
  targetId: string | null = null,
): boolean {
  const menus = (
    globalThis as {
      browser?: { menus?: { getTargetElement?: (id: number) => Element | null } };
    }
  ).browser?.menus;
  let img: Element | null | undefined =
    targetElementId !== null ? menus?.getTargetElement?.(targetElementId) : undefined;
  if (!(img instanceof HTMLImageElement) && targetId) img = rememberedTarget(targetId);
  if (!(img instanceof HTMLImageElement) && srcUrl) img = imageShowing(srcUrl);
  if (!(img instanceof HTMLImageElement)) return false;
  if (!img.hasAttribute('data-iris-alt')) {
    const original = img.getAttribute('alt');
    if (original !== null) img.setAttribute('data-iris-alt-original', original);
    img.setAttribute('data-iris-alt', 'menu');
  }
  img.setAttribute('alt', alt);
  return true;
}

/**
 * The image that has keyboard focus, or contains it, or is inside the focused element
 * (a link around a picture). Returns its URL, or null in frames without one.
 */
export function findFocusedImageInPage(): string | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body) return null;
  const img =
    active instanceof HTMLImageElement
      ? active
      : (active.closest('picture')?.querySelector('img') ?? active.querySelector('img'));
  const src = img?.currentSrc || img?.src;
  return src || null;
}

/** The cap notice's texts, translated by the background: an injected function cannot. */
export interface CapNoticeTexts {
  message: string;
  dismiss: string;
  dismissLabel: string;
}

/**
 * The in-page notice shown when a cap stops auto mode: small, bottom corner, in a shadow
 * root so the page's CSS cannot break it and it cannot break the page; a polite status so
 * screen readers announce it without interrupting. Styled through CSSOM (not a <style>
 * element), which page CSPs do not block. Shown by the background when auto mode reports
 * a cap (utils/alt-text/service.ts).
 */
export function showCapNoticeInPage(texts: CapNoticeTexts): void {
  const doc = document;
  for (const old of doc.querySelectorAll('[data-iris-notice]')) old.remove();
  const host = doc.createElement('div');
  host.setAttribute('data-iris-notice', '');
  Object.assign(host.style, {
    position: 'fixed',
    right: '12px',
    bottom: '12px',
    zIndex: '2147483647',
  });
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  Object.assign(box.style, {
    font: '14px/1.4 system-ui, sans-serif',
    background: '#1c1c21',
    color: '#ffffff',
    padding: '8px 12px',
    borderRadius: '8px',
    maxWidth: '320px',
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
  });
  const text = doc.createElement('p');
  text.style.margin = '0';
  box.append(text);
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = texts.dismiss;
  close.setAttribute('aria-label', texts.dismissLabel);
  Object.assign(close.style, {
    font: 'inherit',
    background: '#ffffff',
    color: '#1c1c21',
    border: '0',
    borderRadius: '6px',
    padding: '2px 8px',
    cursor: 'pointer',
  });
  close.addEventListener('click', () => host.remove());
  box.append(close);
  root.append(box);
  doc.body.append(host);
  // Filled after insertion, so the live region announces it.
  setTimeout(() => {
    text.textContent = texts.message;
  }, 50);
}
