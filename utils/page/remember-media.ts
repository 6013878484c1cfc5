import { rememberTarget } from './page-targets';

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
