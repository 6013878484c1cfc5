/**
 * Elements Iris remembers in a frame's isolated world (picked, right-clicked, playing), by
 * id, for the page scripts that look at them later; and ids that work on any page.
 */
type Store = { __irisTargets?: Map<string, Element> };

/** A random id. Not crypto.randomUUID(): it exists only in secure contexts (https pages). */
export function newPageId(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
}

/** Remembers `element` in this frame; returns its id. */
export function rememberTarget(element: Element): string {
  const store = globalThis as Store;
  store.__irisTargets ??= new Map();
  const id = newPageId();
  store.__irisTargets.set(id, element);
  return id;
}

/** The element remembered under `id` in this frame, if any. */
export function rememberedTarget(id: string): Element | undefined {
  return (globalThis as Store).__irisTargets?.get(id);
}
