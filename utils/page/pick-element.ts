import { rememberTarget } from './page-targets';

export type PickResult =
  | { ok: true; targetId: string }
  | { ok: false; reason: 'cancelled' | 'timeout' };

/**
 * Injected on demand (Chrome, which does not say what was right-clicked): a short pick
 * mode. A banner asks "Click the picture you mean", the picture under the pointer is
 * outlined — looking through transparent overlays —, a click picks it, Esc cancels. The UI
 * lives in a closed shadow root so the page's CSS cannot touch it, and every pointer event
 * is kept from the page while it runs. The pick is remembered in this frame's isolated
 * world for the steps that follow. Runs in a page script (utils/page/run-in-page.ts).
 */
export function pickElementInPage(timeoutMs: number, bannerText: string): Promise<PickResult> {
  const host = document.createElement('iris-pick');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    .box { position: fixed; pointer-events: none; z-index: 2147483647; display: none;
      outline: 3px solid #5b5bd6; outline-offset: -1px; background: rgba(91, 91, 214, 0.15); }
    .banner { position: fixed; top: 12px; left: 50%; transform: translateX(-50%);
      z-index: 2147483647; pointer-events: none; font: 600 15px/1.4 system-ui, sans-serif;
      color: #fff; background: #2b2b6b; padding: 8px 16px; border-radius: 8px;
      box-shadow: 0 2px 12px rgba(0, 0, 0, 0.3); }`;
  const banner = document.createElement('div');
  banner.className = 'banner';
  banner.setAttribute('role', 'status');
  banner.setAttribute('aria-live', 'assertive');
  banner.textContent = bannerText;
  const box = document.createElement('div');
  box.className = 'box';
  root.append(style, banner, box);
  document.documentElement.append(host);

  const isPicture = (el: Element) =>
    el instanceof HTMLImageElement ||
    el instanceof HTMLCanvasElement ||
    el instanceof HTMLVideoElement ||
    el instanceof SVGSVGElement ||
    /url\(/.test(getComputedStyle(el).backgroundImage);
  const pictureAt = (x: number, y: number): Element | undefined => {
    const stack = document.elementsFromPoint(x, y).filter((el) => el !== host);
    return (
      stack.find(isPicture) ??
      stack.find((el) => el !== document.body && el !== document.documentElement)
    );
  };

  return new Promise<PickResult>((resolve) => {
    let current: Element | undefined;
    const events = [
      'pointerdown',
      'pointerup',
      'mousedown',
      'mouseup',
      'click',
      'dblclick',
      'contextmenu',
      'auxclick',
    ];
    const finish = (result: PickResult) => {
      clearTimeout(timer);
      for (const type of events) window.removeEventListener(type, onPointer, true);
      window.removeEventListener('mousemove', onMove, true);
      window.removeEventListener('keydown', onKey, true);
      host.remove();
      resolve(result);
    };
    const onMove = (event: MouseEvent) => {
      current = pictureAt(event.clientX, event.clientY);
      if (!current) {
        box.style.display = 'none';
        return;
      }
      const rect = current.getBoundingClientRect();
      Object.assign(box.style, {
        display: 'block',
        left: `${rect.left}px`,
        top: `${rect.top}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
      });
    };
    const onPointer = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.type !== 'click' || !(event instanceof MouseEvent) || event.button !== 0) return;
      const picked = pictureAt(event.clientX, event.clientY);
      if (!picked) return;
      finish({ ok: true, targetId: rememberTarget(picked) });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      finish({ ok: false, reason: 'cancelled' });
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    for (const type of events) window.addEventListener(type, onPointer, true);
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('keydown', onKey, true);
  });
}

/**
 * Injected on Firefox, which names the right-clicked element: remembers it — or, when it
 * is a transparent overlay or a wrapper, the picture under it or inside it — for the steps
 * that follow. Runs in a page script (utils/page/run-in-page.ts).
 */
export function rememberTargetInPage(targetElementId: number): string | null {
  const menus = (
    globalThis as unknown as {
      browser?: { menus?: { getTargetElement(id: number): Element | null } };
    }
  ).browser?.menus;
  const target = menus?.getTargetElement(targetElementId);
  if (!target) return null;
  const isPicture = (el: Element) =>
    el instanceof HTMLImageElement ||
    el instanceof HTMLCanvasElement ||
    el instanceof HTMLVideoElement ||
    el instanceof SVGSVGElement ||
    /url\(/.test(getComputedStyle(el).backgroundImage);
  let picked: Element = target;
  if (!isPicture(target)) {
    const rect = target.getBoundingClientRect();
    const under = document
      .elementsFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)
      .find(isPicture);
    picked = target.querySelector('img, canvas, video, svg') ?? under ?? target;
  }
  return rememberTarget(picked);
}
