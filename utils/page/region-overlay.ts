/** A selected rectangle in CSS pixels of the viewport, and the viewport it was taken in. */
export interface RegionSelection {
  x: number;
  y: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
}

/** The overlay's texts, translated by the caller: page scripts use no browser API. */
export interface RegionTexts {
  label: string;
  help: string;
}

/**
 * Injected on demand into the tab: lets the user pick a rectangle — drag with the mouse,
 * or arrows to move and Shift+arrows to resize, Enter to take it (or, before any
 * selection, the whole visible area), Esc to cancel. Lives in a closed shadow root so the
 * page's CSS cannot reach it, and is removed (and a frame painted) before it resolves, so
 * none of its pixels end up in the capture. Runs in a page script (utils/page/run-in-page.ts).
 */
export function selectRegion(text: RegionTexts): Promise<RegionSelection | null> {
  const marker = '__irisRegionOverlay';
  const scope = window as unknown as Record<string, boolean>;
  if (scope[marker]) return Promise.resolve(null);
  scope[marker] = true;

  return new Promise((resolve) => {
    const host = document.createElement('iris-region-overlay');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `
      :host { all: initial; }
      .layer { position: fixed; inset: 0; z-index: 2147483647; cursor: crosshair; background: rgba(0,0,0,.35); outline: none; }
      .layer.selecting { background: transparent; }
      .box { position: fixed; display: none; border: 2px solid #fff; outline: 1px solid #4a4ad0; box-shadow: 0 0 0 200vmax rgba(0,0,0,.45); }
      .size { position: absolute; right: 0; bottom: -1.9em; font: 12px/1.6 system-ui, sans-serif; color: #fff; background: #4a4ad0; padding: 0 .4em; border-radius: 3px; white-space: nowrap; }
      .help { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); font: 14px/1.4 system-ui, sans-serif; color: #fff; background: rgba(20,20,40,.9); padding: .5em 1em; border-radius: 6px; pointer-events: none; }`;
    const layer = document.createElement('div');
    layer.className = 'layer';
    layer.tabIndex = 0;
    layer.setAttribute('role', 'application');
    layer.setAttribute('aria-label', text.label);
    const help = document.createElement('div');
    help.className = 'help';
    help.setAttribute('role', 'status');
    help.textContent = text.help;
    const box = document.createElement('div');
    box.className = 'box';
    const size = document.createElement('div');
    size.className = 'size';
    box.append(size);
    layer.append(help, box);
    root.append(style, layer);
    document.documentElement.append(host);
    layer.focus();

    let rect: { x: number; y: number; width: number; height: number } | null = null;
    let anchor: { x: number; y: number } | null = null;
    const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

    function draw() {
      if (!rect) return;
      layer.classList.add('selecting');
      Object.assign(box.style, {
        display: 'block',
        left: `${rect.x}px`,
        top: `${rect.y}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
      });
      size.textContent = `${Math.round(rect.width)} × ${Math.round(rect.height)}`;
    }

    function finish(selection: RegionSelection | null) {
      window.removeEventListener('keydown', onKey, true);
      host.remove();
      scope[marker] = false;
      // Two frames: the overlay's removal is painted before the screenshot is taken.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(selection)));
    }

    function take(r: { x: number; y: number; width: number; height: number }) {
      finish({ ...r, viewportWidth: window.innerWidth, viewportHeight: window.innerHeight });
    }

    function onKey(event: KeyboardEvent) {
      event.stopPropagation();
      const step = event.altKey ? 1 : 10;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(null);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        take(
          rect && rect.width >= 1 && rect.height >= 1
            ? rect
            : { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight },
        );
      } else if (moves[event.key]) {
        event.preventDefault();
        const [dx, dy] = moves[event.key] as [number, number];
        const vw = window.innerWidth;
        const vh = window.innerHeight;
        rect ??= {
          x: Math.round(vw / 2 - 100),
          y: Math.round(vh / 2 - 75),
          width: 200,
          height: 150,
        };
        if (event.shiftKey) {
          rect.width = clamp(rect.width + dx, 10, vw - rect.x);
          rect.height = clamp(rect.height + dy, 10, vh - rect.y);
        } else {
          rect.x = clamp(rect.x + dx, 0, vw - rect.width);
          rect.y = clamp(rect.y + dy, 0, vh - rect.height);
        }
        draw();
      }
    }

    layer.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      layer.setPointerCapture(event.pointerId);
      anchor = { x: event.clientX, y: event.clientY };
      rect = { ...anchor, width: 0, height: 0 };
    });
    layer.addEventListener('pointermove', (event) => {
      if (!anchor) return;
      const x = clamp(event.clientX, 0, window.innerWidth);
      const y = clamp(event.clientY, 0, window.innerHeight);
      rect = {
        x: Math.min(anchor.x, x),
        y: Math.min(anchor.y, y),
        width: Math.abs(x - anchor.x),
        height: Math.abs(y - anchor.y),
      };
      draw();
    });
    layer.addEventListener('pointerup', () => {
      anchor = null;
      // A click without a drag selects nothing: keep waiting.
      if (rect && rect.width >= 4 && rect.height >= 4) take(rect);
      else rect = null;
    });
    window.addEventListener('keydown', onKey, true);
  });
}
