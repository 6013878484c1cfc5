import { browser } from 'wxt/browser';
import { IrisError } from '../errors';
import { fetchImageInPage } from '../page/fetch-in-page';
import { whenGranted } from '../page/when-granted';
import { type CaptureInput, captureElement } from './capture';
import { parseDataUrl } from './data-url';
import { HOLD_ABOVE_BYTES, readHeldImage } from './held-bytes';

/** Downloads larger than this are refused before decoding (a 100 MP JPEG is ~40 MB). */
export const MAX_DOWNLOAD_BYTES = 60_000_000;

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
  /** The longest side the image will be sent at (a large photo may shrink in the page). */
  maxSide?: number;
}

/**
 * The byte chain, in order, first success wins: a data: URL parsed directly → a fetch
 * inside the clicked frame (blob: URLs, same-origin, the page's cookies) → a download by
 * Iris (with the browser's cookies, where Iris may reach the host) → a crop of a screenshot.
 */
export function byteSteps(source: ByteSource, deps: ByteStepDeps): ByteStep[] {
  const url = source.srcUrl;
  const steps: ByteStep[] = [];
  const inTab = source.tabId !== undefined && source.tabId >= 0;
  if (url?.startsWith('data:')) {
    steps.push({ name: 'Reading the data: URL', run: async () => parseDataUrl(url) });
  } else if (url) {
    if (inTab)
      steps.push({
        name: 'Fetching it inside the page',
        run: () => fetchInFrame(url, source, deps),
      });
    if (!url.startsWith('blob:'))
      steps.push({ name: 'Downloading it from Iris', run: () => fetchFromBackground(url, deps) });
  }
  if (inTab) {
    const capture = deps.capture ?? ((input: CaptureInput) => captureElement(input, deps));
    const input: CaptureInput = {
      tabId: source.tabId as number,
      frameId: source.frameId,
      targetId: source.targetId,
      srcUrl: url,
    };
    steps.push({ name: 'Capturing it from the screen', run: () => capture(input) });
  }
  return steps;
}

/** Runs the steps until one gives bytes; `tried` collects why each one failed. */
export async function firstBytes(
  steps: ByteStep[],
  tried: string[],
): Promise<{ bytes: Uint8Array; step: string }> {
  for (const step of steps) {
    try {
      return { bytes: await step.run(), step: step.name };
    } catch (error) {
      tried.push(`${step.name}: ${reasonOf(error)}`);
    }
  }
  throw new IrisError('image-unreachable', failureSentence(tried), { steps: tried });
}

/** The sentence for a chain where every step failed: an HTTP status says most. */
function failureSentence(tried: string[]): string {
  const statuses = tried.map((line) => Number(/HTTP (\d{3})/.exec(line)?.[1])).filter(Boolean);
  if (statuses.some((s) => s === 404 || s === 410))
    return 'The image is not at its address any more: its server answered “not found” (HTTP 404).';
  const denied = statuses.find((s) => s === 401 || s === 403);
  if (denied) return `The image’s server refused to hand it over (HTTP ${denied}).`;
  return 'Iris could not read this image.';
}

function reasonOf(error: unknown): string {
  // fetch rejects with a bare TypeError for network errors and for CORS refusals alike.
  const message = error instanceof Error ? error.message : String(error);
  if (/^(Failed to fetch|NetworkError|Load failed)/i.test(message))
    return 'the browser blocked the request (another site without CORS, or no access to it) or the server did not answer';
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return 'no answer within 15 s';
  return message;
}

async function fetchInFrame(
  url: string,
  source: ByteSource,
  deps: ByteStepDeps,
): Promise<Uint8Array> {
  const executeScript =
    deps.executeScript ?? browser.scripting.executeScript.bind(browser.scripting);
  const target = { tabId: source.tabId as number, frameIds: [source.frameId ?? 0] };
  const [injection] = await whenGranted(() =>
    executeScript({
      target,
      func: fetchImageInPage,
      args: [url, MAX_DOWNLOAD_BYTES, source.maxSide ? HOLD_ABOVE_BYTES : Number.POSITIVE_INFINITY],
    }),
  );
  const result = injection?.result as Awaited<ReturnType<typeof fetchImageInPage>> | undefined;
  if (!result) throw new Error('the page did not answer');
  if (!result.ok) throw new Error(result.error);
  if ('held' in result)
    return readHeldImage(result.held, target, source.maxSide ?? 0, executeScript);
  const out = parseDataUrl(result.dataUrl);
  return out;
}

async function fetchFromBackground(url: string, deps: ByteStepDeps): Promise<Uint8Array> {
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await doFetch(url, {
    credentials: 'include',
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) throw new Error(`too large (${(length / 1e6).toFixed(0)} MB)`);
  return new Uint8Array(await response.arrayBuffer());
}
