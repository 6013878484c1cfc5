import { rememberTarget } from './page-targets';

type Store = { __irisLastContext?: { element: Element; at: number } };

/**
 * The body of the optional all-sites content script: remembers the element under the
 * pointer at each right-click, so "Describe image" on a canvas or a CSS background needs
 * no pick. Runs only where the user granted Iris access to all sites.
 */
export function rememberContextTargets(): void {
  document.addEventListener(
    'contextmenu',
    (event) => {
      const element = event.composedPath()[0];
      if (element instanceof Element) {
        (globalThis as Store).__irisLastContext = { element, at: Date.now() };
      }
    },
    { capture: true, passive: true },
  );
}

/**
 * Injected on demand into the clicked frame (its isolated world, shared with the content
 * script above): the element right-clicked within the last `maxAgeMs`, registered as a
 * target, or null. Runs in a page script (utils/page/run-in-page.ts).
 */
export function takeLastContextTarget(maxAgeMs: number): string | null {
  const store = globalThis as Store;
  const last = store.__irisLastContext;
  if (!last || Date.now() - last.at > maxAgeMs || !last.element.isConnected) return null;
  store.__irisLastContext = undefined;
  return rememberTarget(last.element);
}
