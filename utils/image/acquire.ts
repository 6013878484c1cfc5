import { browser } from 'wxt/browser';
import { IrisError } from '../errors';
import type { ImagePayload } from '../openrouter/body';
import { fetchImageInPage } from '../page/fetch-in-page';
import { classifyImageUrl } from './classify';
import { parseDataUrl } from './data-url';
import { type NormalizedImage, normalizeImage } from './normalize';

/** Downloads larger than this are refused before decoding (a 100 MP JPEG is ~40 MB). */
const MAX_DOWNLOAD_BYTES = 60_000_000;

export interface AcquireInput {
  srcUrl: string;
  tabId?: number;
  frameId?: number;
  incognito?: boolean;
}

export interface AcquireOptions {
  sendPublicByUrl: boolean;
  maxSide: number;
}

export interface AcquiredImage {
  payload: ImagePayload;
  /** The decoded original when bytes were read (for a preview). */
  original?: NormalizedImage['original'];
}

interface ByteStep {
  name: string;
  run: () => Promise<Uint8Array>;
}

export interface AcquireDeps {
  fetch?: typeof fetch;
  executeScript?: typeof browser.scripting.executeScript;
}

/**
 * Decides how the image travels and produces it: public http(s) images by URL, every
 * other one as bytes from the first step that works (data: → in the page → from Iris).
 */
export async function acquireImage(
  input: AcquireInput,
  options: AcquireOptions,
  deps: AcquireDeps = {},
): Promise<AcquiredImage> {
  const verdict = classifyImageUrl(input.srcUrl, {
    incognito: input.incognito,
    sendPublicByUrl: options.sendPublicByUrl,
  });
  if (verdict.kind === 'public') return { payload: { kind: 'url', url: verdict.url } };

  const bytes = await firstBytes(byteSteps(input, deps));
  const image = await normalizeImage(bytes, { maxSide: options.maxSide });
  const { original, ...data } = image;
  return { payload: { kind: 'data', ...data }, original };
}

function byteSteps(input: AcquireInput, deps: AcquireDeps): ByteStep[] {
  const url = input.srcUrl;
  if (url.startsWith('data:'))
    return [{ name: 'reading the data: URL', run: async () => parseDataUrl(url) }];
  const steps: ByteStep[] = [];
  if (input.tabId !== undefined && input.tabId >= 0) {
    steps.push({ name: 'fetching it inside the page', run: () => fetchInFrame(input, deps) });
  }
  if (!url.startsWith('blob:')) {
    steps.push({ name: 'downloading it from Iris', run: () => fetchFromBackground(url, deps) });
  }
  return steps;
}

async function firstBytes(steps: ByteStep[]): Promise<Uint8Array> {
  const failures: string[] = [];
  for (const step of steps) {
    try {
      return await step.run();
    } catch (error) {
      if (error instanceof IrisError && error.code === 'unsupported-image') throw error;
      failures.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new IrisError('image-unreachable', 'Iris could not read this image.', { steps: failures });
}

async function fetchInFrame(input: AcquireInput, deps: AcquireDeps): Promise<Uint8Array> {
  const executeScript =
    deps.executeScript ?? browser.scripting.executeScript.bind(browser.scripting);
  const [injection] = await executeScript({
    target: { tabId: input.tabId as number, frameIds: [input.frameId ?? 0] },
    func: fetchImageInPage,
    args: [input.srcUrl, MAX_DOWNLOAD_BYTES],
  });
  const result = injection?.result as Awaited<ReturnType<typeof fetchImageInPage>> | undefined;
  if (!result) throw new Error('the page did not answer');
  if (!result.ok) throw new Error(result.error);
  return parseDataUrl(result.dataUrl);
}

async function fetchFromBackground(url: string, deps: AcquireDeps): Promise<Uint8Array> {
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await doFetch(url, {
    credentials: 'include',
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new Error(response.status === 404 ? 'not found (HTTP 404)' : `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) throw new Error(`too large (${length} bytes)`);
  return new Uint8Array(await response.arrayBuffer());
}
