import type { Browser, browser } from 'wxt/browser';
import type {
  applyAltInPage,
  findFocusedImageInPage,
  showCapNoticeInPage,
  undoAltTextInPage,
} from './alt-text-page';
import type { takeLastContextTarget } from './context-target';
import type { fetchImageInPage } from './fetch-in-page';
import type { dropHeldImageInPage, readHeldImageInPage } from './held-image';
import type { inspectTargetInPage } from './inspect-target';
import type { findFrameOffsetInPage, locateElementInPage } from './locate-element';
import type { pickElementInPage, rememberTargetInPage } from './pick-element';
import type { selectRegion } from './region-overlay';
import type { rememberMediaInPage, rememberUnnamedImageInPage } from './remember-media';

/**
 * Iris's page scripts (WXT unlisted scripts, `entrypoints/page-*.ts`) and the functions each
 * exposes in the frame's isolated world. They are files, not `executeScript({func})`, so
 * their code is not in the background bundle. Their functions use no `wxt/browser` API (it
 * would bring the polyfill into every page script): texts arrive translated, as arguments.
 */
export interface PageScripts {
  '/page-find-target.js': {
    pickElementInPage: typeof pickElementInPage;
    rememberTargetInPage: typeof rememberTargetInPage;
    rememberMediaInPage: typeof rememberMediaInPage;
    rememberUnnamedImageInPage: typeof rememberUnnamedImageInPage;
    takeLastContextTarget: typeof takeLastContextTarget;
  };
  '/page-image.js': {
    inspectTargetInPage: typeof inspectTargetInPage;
    fetchImageInPage: typeof fetchImageInPage;
    readHeldImageInPage: typeof readHeldImageInPage;
    dropHeldImageInPage: typeof dropHeldImageInPage;
    locateElementInPage: typeof locateElementInPage;
    findFrameOffsetInPage: typeof findFrameOffsetInPage;
  };
  '/page-region.js': { selectRegion: typeof selectRegion };
  '/page-alt-text.js': {
    applyAltInPage: typeof applyAltInPage;
    findFocusedImageInPage: typeof findFocusedImageInPage;
    showCapNoticeInPage: typeof showCapNoticeInPage;
    undoAltTextInPage: typeof undoAltTextInPage;
  };
}

type PageFunction = (...args: never[]) => unknown;
/** Where the page scripts put their functions: the isolated world, which pages cannot reach. */
type PageScope = { __irisPage?: Record<string, PageFunction> };

/** Called by a page script: makes its functions callable by `runInPage`. */
export function exposeInPage<File extends keyof PageScripts>(functions: PageScripts[File]): void {
  const scope = globalThis as PageScope;
  scope.__irisPage = { ...scope.__irisPage, ...functions };
}

export type Inject = typeof browser.scripting.executeScript;

export interface PageCall<File extends keyof PageScripts, Name extends keyof PageScripts[File]> {
  target: Browser.scripting.InjectionTarget;
  file: File;
  name: Name;
  args: PageScripts[File][Name] extends (...args: infer A) => unknown ? A : never;
}

type ResultOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * Runs one function of a page script in the target frame(s): injects the file (again: it
 * only defines functions), then calls the function with `args`. Answers one result per
 * frame, as `executeScript` does.
 */
export async function runInPage<
  File extends keyof PageScripts,
  Name extends keyof PageScripts[File] & string,
>(
  inject: Inject,
  call: PageCall<File, Name>,
): Promise<{ frameId: number; result?: ResultOf<PageScripts[File][Name]> }[]> {
  await inject({ target: call.target, files: [call.file] });
  const results = await inject({
    target: call.target,
    func: callInPage,
    args: [call.name, call.args],
  });
  return results as { frameId: number; result?: ResultOf<PageScripts[File][Name]> }[];
}

/** Serialized into the frame: calls a function a page script exposed there. */
function callInPage(name: string, args: unknown[]): unknown {
  const fn = (globalThis as PageScope).__irisPage?.[name] as
    | ((...args: unknown[]) => unknown)
    | undefined;
  if (!fn) throw new Error(`Iris: no page function ${name} in this frame`);
  return fn(...args);
}
