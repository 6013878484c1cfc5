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

/**
 * The <img> showing `srcUrl` that was right-clicked: Chrome's menu names only the address,
 * so among the images showing it — the document's, then those inside web components — the
 * one under the pointer, else the first.
 */
export function imageShowing(srcUrl: string): HTMLImageElement | undefined {
  const shows = (img: HTMLImageElement) => img.currentSrc === srcUrl || img.src === srcUrl;
  const hovered = (img: HTMLImageElement) => img.matches(':hover');
  const plain = [...document.images].filter(shows);
  const found = plain.find(hovered);
  if (found) return found;
  const deep = queryAllDeep<HTMLImageElement>('img').filter(shows);
  return deep.find(hovered) ?? plain[0] ?? deep[0];
}
