/**
 * Functions injected on demand (`scripting.executeScript`) for alt text. Each must stay
 * self-contained: it is serialized into the page. They run in Iris's isolated world, the
 * same one as the alt-text content script, so they can reach its controller.
 *
 * Marks, shared with utils/alt-text/auto.ts: `data-iris-alt` on every <img> Iris wrote an
 * alt on, and `data-iris-alt-original` holding the author's alt (absent: there was none).
 */

/** Stops auto mode in this frame and restores every alt Iris wrote. Returns how many. */
export function undoAltTextInPage(): number {
  const scope = globalThis as { __irisAltText?: { stop: () => void } };
  scope.__irisAltText?.stop();
  scope.__irisAltText = undefined;
  let restored = 0;
  for (const img of document.querySelectorAll('img[data-iris-alt]')) {
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
 * Chrome gives only its URL, so among the images with that URL the one under the pointer
 * wins, else the first. Returns whether an image was found.
 */
export function applyAltInPage(
  srcUrl: string,
  alt: string,
  targetElementId: number | null,
): boolean {
  const menus = (
    globalThis as {
      browser?: { menus?: { getTargetElement?: (id: number) => Element | null } };
    }
  ).browser?.menus;
  let img: Element | null | undefined =
    targetElementId !== null ? menus?.getTargetElement?.(targetElementId) : undefined;
  if (!(img instanceof HTMLImageElement)) {
    const matches = Array.from(document.images).filter(
      (candidate) => candidate.currentSrc === srcUrl || candidate.src === srcUrl,
    );
    img = matches.find((candidate) => candidate.matches(':hover')) ?? matches[0];
  }
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
