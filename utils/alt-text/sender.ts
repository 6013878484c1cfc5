import type { Browser } from 'wxt/browser';
import { siteOf } from './sites';

/**
 * Whether a message comes from Iris's own alt-text content script on a site the user
 * opted in (or on a tab granted one pass by the keyboard command). Web pages cannot send
 * to Iris at all (no externally_connectable); this also refuses Iris's content script on
 * any other site, and frames without a tab.
 */
export function isAltTextSender(
  sender: Browser.runtime.MessageSender,
  allowed: { extensionId: string; sites: string[]; oncePasses: Record<string, string> },
): boolean {
  if (sender.id !== allowed.extensionId) return false;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return false;
  const site = siteOf(sender.url);
  if (!site) return false;
  return allowed.sites.includes(site) || allowed.oncePasses[String(tabId)] === site;
}
