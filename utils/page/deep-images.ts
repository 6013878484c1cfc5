/**
 * Pictures inside web components: `document.images` and `querySelectorAll` do not see into
 * shadow roots, and sites built of custom elements keep their pictures there. Used by page
 * scripts and the alt-text content script.
 */
type ChromeDom = { dom?: { openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null } };

/**
 * An element's shadow root: open ones, and closed ones where the browser lets an extension
 * in (Chrome's dom API, Firefox's `openOrClosedShadowRoot` on content-script elements) —
 * asked of custom elements only, which are what close theirs.
 */
function shadowOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!element.localName.includes('-')) return null;
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

/** Every shadow root in `root` (an element's own too), and those nested inside them. */
export function shadowRootsIn(root: ParentNode): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const elements = root.querySelectorAll('*');
  for (const element of root instanceof Element ? [root, ...elements] : elements) {
    const shadow = shadowOf(element);
    if (shadow) roots.push(shadow, ...shadowRootsIn(shadow));
  }
  return roots;
}

/** Every element matching `selector` in `root` and in the shadow roots inside it. */
export function queryAllDeep<E extends Element = Element>(
  selector: string,
  root: ParentNode = document,
): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  for (const shadow of shadowRootsIn(root)) found.push(...shadow.querySelectorAll<E>(selector));
  return found;
}

/** The <img> elements showing `srcUrl`: the document's first, then those in shadow roots. */
export function imagesShowing(srcUrl: string): HTMLImageElement[] {
  const shows = (img: HTMLImageElement) => img.currentSrc === srcUrl || img.src === srcUrl;
  const plain = [...document.images].filter(shows);
  return plain.length ? plain : queryAllDeep<HTMLImageElement>('img').filter(shows);
}
