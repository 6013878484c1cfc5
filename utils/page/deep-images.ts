/**
 * Images inside web components: `document.images` does not see into shadow roots, and sites
 * built of custom elements keep their pictures there. Runs in page scripts.
 */
type ChromeDom = { dom?: { openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null } };

/**
 * An element's shadow root: open ones, and closed ones where the browser lets an extension
 * in (Chrome's dom API, Firefox's `openOrClosedShadowRoot` on content-script elements).
 */
function shadowOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    const firefox = (element as { openOrClosedShadowRoot?: ShadowRoot | null })
      .openOrClosedShadowRoot;
    return (
      firefox ??
      (globalThis as { chrome?: ChromeDom }).chrome?.dom?.openOrClosedShadowRoot?.(element) ??
      null
    );
  } catch {
    return null; // the API refused this element: nothing inside it to find
  }
}

/** Every element matching `selector` in `root` and in the shadow roots inside it, in order. */
export function queryAllDeep<E extends Element = Element>(
  selector: string,
  root: Document | ShadowRoot = document,
): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) {
    const shadow = shadowOf(element);
    if (shadow) found.push(...queryAllDeep<E>(selector, shadow));
  }
  return found;
}

/** The <img> elements showing `srcUrl`: the document's first, then those in shadow roots. */
export function imagesShowing(srcUrl: string): HTMLImageElement[] {
  const shows = (img: HTMLImageElement) => img.currentSrc === srcUrl || img.src === srcUrl;
  const plain = [...document.images].filter(shows);
  return plain.length ? plain : queryAllDeep<HTMLImageElement>('img').filter(shows);
}
