import { queryAllDeep } from './deep-images';
import { rememberTarget } from './page-targets';

/** The longest address Chrome's menu hands over (url::kMaxURLChars): past it, none at all. */
const MENU_URL_LIMIT = 2 * 1024 * 1024;

/**
 * Injected on demand: remembers the <video> or <audio> element playing `srcUrl` (what
 * Chrome's menu says of a video) in this frame's isolated world, so no pick is needed.
 * Runs in a page script (utils/page/run-in-page.ts).
 */
export function rememberMediaInPage(srcUrl: string): string | null {
  const media = [...document.querySelectorAll('video')].find(
    (video) => video.currentSrc === srcUrl || video.src === srcUrl,
  );
  if (!media) return null;
  return rememberTarget(media);
}

/**
 * Injected on demand when the menu said "image" but gave no address: Chrome drops one over
 * 2 MB — a photo inlined as a data: URL. When one <img> in this frame has such an address,
 * it is the one (remembered, so no pick is needed); else null.
 */
export function rememberUnnamedImageInPage(): string | null {
  const long = queryAllDeep<HTMLImageElement>('img').filter(
    (img) => (img.currentSrc || img.src).length > MENU_URL_LIMIT,
  );
  return long.length === 1 && long[0] ? rememberTarget(long[0]) : null;
}
