import type { browser } from 'wxt/browser';
import { t } from '../i18n';
import { executeScript } from '../page/execute-script';
import { type Inject, runInPage } from '../page/run-in-page';
import { whenGranted } from '../page/when-granted';
import { chainFailure, ImageTimeoutError, MAX_DOWNLOAD_BYTES, reasonOf } from './byte-failure';
import { type CaptureInput, captureElement } from './capture';
import { parseDataUrl } from './data-url';
import { fetchFromBackground } from './download';
import { JPEG_QUALITY } from './encode';
import { type HeldImage, type HeldTarget, HOLD_ABOVE_BYTES, readHeldImage } from './held-bytes';
import { MAX_IMAGE_BYTES } from './normalize';
import { markOwnEncode } from './own-encodes';

export { MAX_DOWNLOAD_BYTES } from './byte-failure';

/** How long the downloads of one image may take together, unless the settings say otherwise. */
export const DEFAULT_IMAGE_TIMEOUT_MS = 15_000;
/** A screen capture is local work: this only guards against a page that never answers. */
const CAPTURE_TIMEOUT_MS = 10_000;

/** One way of getting an image's bytes; `name` is what the user reads in "What Iris tried". */
export interface ByteStep {
  name: string;
  run: () => Promise<Uint8Array>;
}

export interface ByteStepDeps {
  fetch?: typeof fetch;
  executeScript?: typeof browser.scripting.executeScript;
  capture?: (input: CaptureInput) => Promise<Uint8Array>;
}

export interface ByteSource {
  srcUrl?: string;
  targetId?: string;
  tabId?: number;
  frameId?: number;
  /** The downloads of this image share this much time (`imageTimeoutSeconds`). */
  timeoutMs?: number;
  /** When that time started (the URL check counts too); else at the first download. */
  startedAt?: number;
  /** The longest side the image will be sent at (a large photo may shrink in the page). */
  maxSide?: number;
}

/**
 * The byte chain, in order, first success wins: a data: URL parsed directly → a fetch
 * inside the clicked frame (blob: URLs, same-origin, the page's cookies) → a download by
 * Iris (with the browser's cookies, where Iris may reach the host) → a crop of a screenshot.
 * Both downloads draw on one time budget, so a server that never answers costs it once.
 */
export function byteSteps(source: ByteSource, deps: ByteStepDeps): ByteStep[] {
  const url = source.srcUrl;
  const steps: ByteStep[] = [];
  const inTab = source.tabId !== undefined && source.tabId >= 0;
  const budget = timeBudget(source.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS, source.startedAt);
  if (url?.startsWith('data:')) {
    steps.push({ name: t('stepDataUrl'), run: async () => parseDataUrl(url) });
  } else if (url) {
    if (inTab)
      steps.push({
        name: t('stepFetchInPage'),
        run: async () => {
          // The page shrinks a photo in this same call only while the time left covers it
          // (fetch-in-page.ts): a page that never answers is still cut off at the deadline.
          const got = await budget((ms) => fetchInFrame(url, source, deps, ms));
          if (got instanceof Uint8Array) return got;
          // The bytes are in the page: shrinking them there is local work, not a download,
          // so it has its own bound rather than what is left of the download time.
          return within(
            readHeldImage(got.held, got.target, source.maxSide ?? 0, got.inject),
            CAPTURE_TIMEOUT_MS,
            new Error('the page did not hand the image over'),
          );
        },
      });
    if (!url.startsWith('blob:'))
      steps.push({
        name: t('stepDownload'),
        run: () => budget((ms) => fetchFromBackground(url, deps, ms)),
      });
  }
  if (inTab) {
    const capture = deps.capture ?? ((input: CaptureInput) => captureElement(input, deps));
    const input: CaptureInput = {
      tabId: source.tabId as number,
      frameId: source.frameId,
      targetId: source.targetId,
      srcUrl: url,
    };
    steps.push({
      name: t('stepCapture'),
      run: () => within(capture(input), CAPTURE_TIMEOUT_MS, new Error('the page did not answer')),
    });
  }
  return steps;
}

/** Runs the steps until one gives bytes; `tried` collects why each one failed. */
export async function firstBytes(
  steps: ByteStep[],
  tried: string[],
): Promise<{ bytes: Uint8Array; step: string }> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      return { bytes: await step.run(), step: step.name };
    } catch (error) {
      errors.push(error);
      tried.push(`${step.name}: ${reasonOf(error)}`);
    }
  }
  throw chainFailure(tried, errors);
}

type Budgeted = <T>(work: (remainingMs: number) => Promise<T>) => Promise<T>;

/**
 * A time budget from `startedAt` (or the first step using it). Each step gets what is left
 * (and is cut off a moment after, should it not stop by itself); once it is spent, a step
 * is not tried at all.
 */
function timeBudget(totalMs: number, startedAt?: number): Budgeted {
  let deadline = startedAt === undefined ? undefined : startedAt + totalMs;
  const seconds = Math.round(totalMs / 100) / 10;
  return (work) => {
    deadline ??= Date.now() + totalMs;
    const left = deadline - Date.now();
    if (left <= 0) return Promise.reject(new ImageTimeoutError(seconds, false));
    // A step's own timeout is reported as the whole budget's: that is the setting's value.
    return within(work(left), left + 1000, new ImageTimeoutError(seconds)).catch((error) => {
      throw error instanceof ImageTimeoutError ? new ImageTimeoutError(seconds) : error;
    });
  };
}

/** `promise`, or `error` once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number, error: Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function fetchInFrame(
  url: string,
  source: ByteSource,
  deps: ByteStepDeps,
  timeoutMs: number,
): Promise<Uint8Array | { held: HeldImage; target: HeldTarget; inject: Inject }> {
  const inject = deps.executeScript ?? executeScript;
  const granted: Inject = (injection) => whenGranted(() => inject(injection));
  const target = { tabId: source.tabId as number, frameIds: [source.frameId ?? 0] };
  const [injection] = await runInPage(granted, {
    target,
    file: '/page-image.js',
    name: 'fetchImageInPage',
    args: [
      url,
      MAX_DOWNLOAD_BYTES,
      timeoutMs,
      // 0: never hold (arguments travel as JSON, where Infinity does not exist).
      source.maxSide ? HOLD_ABOVE_BYTES : 0,
      // A large photo is shrunk in the page at once, to the size normalize would choose.
      source.maxSide
        ? { maxSide: source.maxSide, maxBytes: MAX_IMAGE_BYTES, quality: JPEG_QUALITY }
        : null,
    ],
  });
  const result = injection?.result;
  if (!result) throw new Error('the page did not answer');
  if (!result.ok) {
    if (result.timedOut) throw new ImageTimeoutError(timeoutMs / 1000);
    throw new Error(result.error);
  }
  if ('held' in result) return { held: result.held, target, inject: granted };
  const bytes = parseDataUrl(result.dataUrl);
  return result.shrunk ? markOwnEncode(bytes) : bytes;
}
