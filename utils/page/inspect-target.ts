import { rememberedTarget } from './page-targets';
/** What a remembered element holds, and so how its pixels are best obtained. */
export type TargetContent =
  | { kind: 'url'; url: string; element: string }
  | { kind: 'data'; dataUrl: string; element: string }
  /** `why`: what kept the page from handing the pixels over (the worker words it). */
  | { kind: 'capture'; element: string; why?: 'canvas-unreadable' | 'video-foreign' }
  | { kind: 'gone' };

/**
 * Injected on demand into the target's frame: an <img> (or a CSS background image) gives
 * its address, a canvas or a video frame its pixels when the page allows reading them;
 * anything else — or a tainted canvas, a WebGL canvas, inline SVG drawn with the page's
 * CSS — is captured from the screen. Runs in a page script (utils/page/run-in-page.ts).
 */
export function inspectTargetInPage(targetId: string): TargetContent {
  const element = rememberedTarget(targetId);
  if (!element?.isConnected) return { kind: 'gone' };
  const name = element.localName;
  if (element instanceof HTMLImageElement && (element.currentSrc || element.src))
    return { kind: 'url', url: element.currentSrc || element.src, element: 'img' };
  const readable = (
    draw: (canvas: HTMLCanvasElement) => boolean,
    width: number,
    height: number,
  ) => {
    try {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      return draw(canvas) ? canvas.toDataURL('image/png') : undefined;
    } catch {
      return undefined; // tainted by another origin's pixels: the screen still shows them
    }
  };
  if (element instanceof HTMLCanvasElement) {
    // A WebGL canvas answers null here, and its buffer may already be cleared: capture it.
    let dataUrl: string | undefined;
    try {
      dataUrl = element.getContext('2d') ? element.toDataURL('image/png') : undefined;
    } catch {
      dataUrl = undefined; // tainted
    }
    return dataUrl
      ? { kind: 'data', dataUrl, element: name }
      : { kind: 'capture', element: name, why: 'canvas-unreadable' };
  }
  if (element instanceof HTMLVideoElement && element.readyState >= 2 && element.videoWidth > 0) {
    const dataUrl = readable(
      (canvas) => {
        canvas.getContext('2d')?.drawImage(element, 0, 0);
        return true;
      },
      element.videoWidth,
      element.videoHeight,
    );
    if (dataUrl) return { kind: 'data', dataUrl, element: name };
    return { kind: 'capture', element: name, why: 'video-foreign' };
  }
  const background = /url\(\s*(["']?)(.*?)\1\s*\)/.exec(getComputedStyle(element).backgroundImage);
  if (background?.[2])
    return {
      kind: 'url',
      url: new URL(background[2], document.baseURI).href,
      element: `${name} background`,
    };
  return { kind: 'capture', element: name };
}
