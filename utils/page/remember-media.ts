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
  const store = globalThis as { __irisTargets?: Map<string, Element> };
  store.__irisTargets ??= new Map();
  // Not crypto.randomUUID(): it exists only on secure (https) pages.
  const targetId = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) =>
    n.toString(36),
  ).join('');
  store.__irisTargets.set(targetId, media);
  return targetId;
}
