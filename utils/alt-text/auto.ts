import type { AltTextConfig, AltTextReply } from '../messaging';
import { shadowRootsIn } from '../page/deep-images';
import { repeatedAlts } from './junk-alt';
import { type ImageFacts, judgeImage } from './select';

export interface AutoAltDeps {
  doc: Document;
  config: AltTextConfig;
  request: (srcUrl: string) => Promise<AltTextReply>;
  reportCap: (scope: 'page' | 'day') => Promise<void>;
  /** Images this close to the viewport are done before they scroll in. */
  rootMargin?: string;
}

export interface AutoAltController {
  stop(): void;
  /** Resolves when nothing is queued or in flight (used by the one-pass mode). */
  idle(): Promise<void>;
}

/**
 * Auto mode in one frame: finds images that need alt text as they come near the viewport
 * or into the DOM, asks the background for each URL once (a queue with a concurrency
 * limit), writes the answers with marks that undo can reverse, and stops at the page cap.
 */
export function startAutoAlt(deps: AutoAltDeps): AutoAltController {
  const { doc, config } = deps;
  const replies = new Map<string, Promise<AltTextReply>>();
  const queue: string[] = [];
  const waiting = new Map<string, Set<HTMLImageElement>>();
  let running = 0;
  let spent = 0;
  let stopped = false;
  /** A cap was reached: nothing new starts, but answers already paid for are still written. */
  let capReached = false;
  let idleWaiters: (() => void)[] = [];

  function factsOf(img: HTMLImageElement): ImageFacts {
    const rect = img.getBoundingClientRect();
    const alt = img.getAttribute('alt');
    const repeated = repeatedAlts(
      Array.from(doc.images)
        .filter((other) => !other.hasAttribute('data-iris-alt'))
        .map((other) => ({ alt: other.getAttribute('alt'), src: other.currentSrc || other.src })),
    );
    return {
      src: img.currentSrc || img.src,
      alt,
      role: img.getAttribute('role'),
      hidden: hiddenFromReaders(img),
      width: rect.width,
      height: rect.height,
      visible: img.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true,
      repeatedAlt: alt !== null && repeated.has(alt.trim().toLowerCase()),
    };
  }

  function consider(img: HTMLImageElement) {
    if (stopped || capReached || img.hasAttribute('data-iris-alt')) return;
    if (!img.complete || img.naturalWidth === 0) {
      // Not loaded yet (lazy, or src set later): judge it once it has a size.
      img.addEventListener('load', () => consider(img), { once: true });
      return;
    }
    const facts = factsOf(img);
    if (!judgeImage(facts).take) return;
    let targets = waiting.get(facts.src);
    if (!targets) {
      targets = new Set();
      waiting.set(facts.src, targets);
    }
    targets.add(img);
    const known = replies.get(facts.src);
    if (known) void known.then((reply) => apply(facts.src, reply));
    else if (!queue.includes(facts.src)) {
      queue.push(facts.src);
      pump();
    }
  }

  function apply(src: string, reply: AltTextReply) {
    if (stopped || reply.kind !== 'alt' || !reply.alt) return;
    for (const img of waiting.get(src) ?? []) {
      if ((img.currentSrc || img.src) !== src || img.hasAttribute('data-iris-alt')) continue;
      const original = img.getAttribute('alt');
      if (original !== null) img.setAttribute('data-iris-alt-original', original);
      img.setAttribute('data-iris-alt', 'auto');
      img.setAttribute('alt', reply.alt);
    }
    waiting.delete(src);
  }

  function capped(scope: 'page' | 'day') {
    if (stopped || capReached) return;
    capReached = true;
    queue.length = 0;
    intersection.disconnect();
    mutations.disconnect();
    // The background records it for the popup and shows the notice in the page.
    void deps.reportCap(scope);
  }

  function pump() {
    while (!stopped && !capReached && running < config.concurrency && queue.length > 0) {
      if (spent >= config.pageCapUsd) return capped('page');
      const src = queue.shift() as string;
      running++;
      const reply = deps.request(src).catch(
        (error: unknown): AltTextReply => ({
          kind: 'failed',
          error: { code: 'internal', message: String(error), details: {} },
        }),
      );
      replies.set(src, reply);
      void reply.then((answer) => {
        running--;
        if (answer.kind === 'alt') spent += answer.cost;
        if (answer.kind === 'failed') console.warn('Iris: no alt text for', src, answer.error);
        apply(src, answer);
        if (answer.kind === 'capped') capped('day');
        pump();
        if (running === 0 && queue.length === 0) settle();
      });
    }
  }

  function settle() {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  const intersection = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        intersection.unobserve(entry.target);
        consider(entry.target as HTMLImageElement);
      }
    },
    { rootMargin: deps.rootMargin ?? '300px' },
  );
  const watch = (img: HTMLImageElement) =>
    config.once ? consider(img) : intersection.observe(img);

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof HTMLImageElement) {
        const img = record.target;
        // A new picture in the same element: an alt Iris wrote for the old one is wrong now.
        if (img.getAttribute('data-iris-alt') === 'auto') restore(img);
        watch(img);
      }
      for (const node of record.addedNodes) {
        if (node instanceof HTMLImageElement) watch(node);
        else if (node instanceof Element) {
          for (const img of node.querySelectorAll('img')) watch(img);
          followShadowsLater(node);
        }
      }
    }
  });
  const observing = {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['src', 'srcset'],
  };
  const followed = new WeakSet<ShadowRoot>();

  /**
   * Watches the images in the web components' shadow roots inside `root`, and follows each
   * root's changes: they reach no observer of the document.
   */
  function followShadows(root: Document | Element) {
    for (const shadow of shadowRootsIn(root)) {
      if (followed.has(shadow)) continue;
      followed.add(shadow);
      for (const img of shadow.querySelectorAll('img')) watch(img);
      if (!config.once) mutations.observe(shadow, observing);
    }
  }

  // Looking into every added subtree costs a walk of it: a busy page (a feed adding hundreds
  // of elements at a time) gets it when idle, in one batch.
  const addedHosts = new Set<Element>();
  function followShadowsLater(node: Element) {
    if (addedHosts.size === 0) {
      const later = () => {
        const nodes = [...addedHosts];
        addedHosts.clear();
        for (const added of nodes) if (!stopped && added.isConnected) followShadows(added);
      };
      requestIdleCallback(later, { timeout: 1000 });
    }
    addedHosts.add(node);
  }

  function halt() {
    stopped = true;
    queue.length = 0;
    intersection.disconnect();
    mutations.disconnect();
    settle();
  }

  for (const img of doc.querySelectorAll('img')) watch(img);
  followShadows(doc);
  if (!config.once) {
    mutations.observe(doc.documentElement, observing);
    // A component whose definition arrives late gets its shadow root with no change the
    // observers hear of: look again soon, and a while later.
    const again = () => {
      if (!stopped) followShadows(doc);
    };
    setTimeout(again, 500);
    setTimeout(again, 3000);
  }

  return {
    stop: halt,
    idle: () =>
      running === 0 && queue.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}

/** aria-hidden="true" on the image or around it, up through the web components it sits in. */
function hiddenFromReaders(img: Element): boolean {
  for (let node: Element | null = img; node; ) {
    if (node.closest('[aria-hidden="true"]')) return true;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

function restore(img: HTMLImageElement) {
  const original = img.getAttribute('data-iris-alt-original');
  if (original === null) img.removeAttribute('alt');
  else img.setAttribute('alt', original);
  img.removeAttribute('data-iris-alt');
  img.removeAttribute('data-iris-alt-original');
}
