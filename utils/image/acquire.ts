import { IrisError } from '../errors';
import { t } from '../i18n';
import type { ImagePayload } from '../openrouter/body';
import { executeScript } from '../page/execute-script';
import type { TargetContent } from '../page/inspect-target';
import { runInPage } from '../page/run-in-page';
import {
  type ByteStep,
  type ByteStepDeps,
  byteSteps,
  DEFAULT_IMAGE_TIMEOUT_MS,
  firstBytes,
} from './byte-steps';
import { classifyImageUrl } from './classify';
import { parseDataUrl } from './data-url';
import { MAX_IMAGE_BYTES, type NormalizedImage, normalizeImage } from './normalize';
import { checkReachable, REACHABILITY_TIMEOUT_MS, type Reachability } from './reachability';

export interface AcquireInput {
  /** The image's address, when the menu gave one. */
  srcUrl?: string;
  /** An element remembered in the frame (picked on Chrome, named by the menu on Firefox). */
  targetId?: string;
  tabId?: number;
  frameId?: number;
  incognito?: boolean;
}

export interface AcquireOptions {
  sendPublicByUrl: boolean;
  maxSide: number;
  /** Send bytes even for a public URL (the provider could not fetch it). */
  forceBytes?: boolean;
  /** How long the downloads of the image may take together (`imageTimeoutSeconds`). */
  timeoutMs?: number;
}

export interface AcquiredImage {
  payload: ImagePayload;
  /** The image as sent, when bytes were read (for a preview). */
  original?: NormalizedImage['original'];
}

export interface AcquireDeps extends ByteStepDeps {
  checkReachable?: (url: string) => Promise<Reachability>;
  normalize?: typeof normalizeImage;
}

/**
 * Decides how the image travels and produces it (DESIGN.md, "How the image travels"):
 * a public http(s) image the provider can fetch goes by URL; every other one as bytes from
 * the first step that works, normalized. Errors carry every step tried in `details.steps`.
 */
export async function acquireImage(
  input: AcquireInput,
  options: AcquireOptions,
  deps: AcquireDeps = {},
): Promise<AcquiredImage> {
  const tried: string[] = [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS;
  // The URL check and the downloads share the image's time: the setting bounds them all.
  const startedAt = Date.now();
  let srcUrl = input.srcUrl;
  let steps: ByteStep[] | undefined;
  if (input.targetId) {
    const content = await inspectTarget(input, deps);
    if (content.kind === 'gone') throw new IrisError('image-unreachable', t('imageGone'));
    if (content.kind === 'url') srcUrl = content.url;
    else steps = stepsForContent(content, input, deps, tried);
  }
  if (srcUrl && !steps) {
    const verdict = classifyImageUrl(srcUrl, {
      incognito: input.incognito,
      sendPublicByUrl: options.sendPublicByUrl,
    });
    if (verdict.kind === 'public' && !options.forceBytes) {
      const check =
        deps.checkReachable ??
        ((url: string) =>
          checkReachable(url, {
            fetch: deps.fetch,
            maxBytes: MAX_IMAGE_BYTES,
            // Half the image's time at most, so the downloads always get a chance.
            timeoutMs: Math.min(REACHABILITY_TIMEOUT_MS, timeoutMs / 2),
          }));
      const reach = await check(verdict.url);
      if (reach.ok) return { payload: { kind: 'url', url: verdict.url } };
      tried.push(t('stepSendAddress', reach.reason));
    }
    steps = byteSteps({ ...input, srcUrl, timeoutMs, startedAt, maxSide: options.maxSide }, deps);
  }
  if (!steps?.length)
    throw new IrisError('image-unreachable', t('imageNotFound'), { steps: tried });
  const { bytes, step } = await firstBytes(steps, tried);
  try {
    const image = await (deps.normalize ?? normalizeImage)(bytes, { maxSide: options.maxSide });
    const { original, ...data } = image;
    return { payload: { kind: 'data', ...data }, original };
  } catch (error) {
    if (!(error instanceof IrisError)) throw error;
    const got = t('stepReceived', [step, bytes.length.toLocaleString(), error.message]);
    throw new IrisError(
      error.code,
      error.message,
      { ...error.details, steps: [...tried, got] },
      { cause: error },
    );
  }
}

async function inspectTarget(input: AcquireInput, deps: AcquireDeps): Promise<TargetContent> {
  if (input.tabId === undefined || !input.targetId) return { kind: 'gone' };
  const inject = deps.executeScript ?? executeScript;
  const [injection] = await runInPage(inject, {
    target: { tabId: input.tabId, frameIds: [input.frameId ?? 0] },
    file: '/page-image.js',
    name: 'inspectTargetInPage',
    args: [input.targetId],
  });
  return injection?.result ?? { kind: 'gone' };
}

/** A canvas or video frame read in the page comes first; the screen capture is the fallback. */
function stepsForContent(
  content: Extract<TargetContent, { kind: 'data' | 'capture' }>,
  input: AcquireInput,
  deps: AcquireDeps,
  tried: string[],
): ByteStep[] {
  const capture = byteSteps({ ...input, srcUrl: undefined }, deps);
  if (content.kind === 'capture') {
    if (content.why) {
      const why =
        content.why === 'canvas-unreadable' ? t('reasonCanvasUnreadable') : t('reasonVideoForeign');
      tried.push(`${t('stepReadElement', content.element)}: ${why}`);
    }
    return capture;
  }
  const { dataUrl } = content;
  return [
    { name: t('stepReadElement', content.element), run: async () => parseDataUrl(dataUrl) },
    ...capture,
  ];
}
