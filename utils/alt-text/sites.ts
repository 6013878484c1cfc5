import { browser } from 'wxt/browser';

/** Id of Iris's one runtime-registered content script (all opted-in sites). */
export const ALT_TEXT_SCRIPT_ID = 'iris-alt-text';
/** Where WXT builds entrypoints/alt-text.ts. */
export const ALT_TEXT_SCRIPT_FILE = '/alt-text.js';

/**
 * The site of a page as Iris stores it: scheme and host name, without the port (Chrome's
 * match patterns cover every port of a host). null for anything but http(s).
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.protocol}//${parsed.hostname}`;
  } catch {
    // Not a URL at all (about:blank, a view-source: page): no site to opt in.
    return null;
  }
}

/** The match pattern (and host permission) of a site. */
export function sitePattern(site: string): string {
  return `${site}/*`;
}

type Scripting = Pick<
  typeof browser.scripting,
  | 'getRegisteredContentScripts'
  | 'registerContentScripts'
  | 'updateContentScripts'
  | 'unregisterContentScripts'
>;

/**
 * Makes the registered content script match exactly the opted-in sites: registered
 * (persisting across browser restarts) when there is at least one, unregistered when none.
 */
export async function syncAltTextScript(
  sites: string[],
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [ALT_TEXT_SCRIPT_ID] });
  if (sites.length === 0) {
    if (existing.length > 0)
      await scripting.unregisterContentScripts({ ids: [ALT_TEXT_SCRIPT_ID] });
    return;
  }
  const script = {
    id: ALT_TEXT_SCRIPT_ID,
    matches: sites.map(sitePattern),
    js: [ALT_TEXT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  // Firefox's MV2 scripting refuses persistAcrossSessions: true; the background re-registers
  // from the setting at every start there instead.
  else
    await scripting.registerContentScripts([
      { ...script, persistAcrossSessions: !import.meta.env.FIREFOX },
    ]);
}
