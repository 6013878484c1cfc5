import { checkEndpointUrl } from './endpoint';
import { IrisError } from './errors';
import { t } from './i18n';
import type { ImageSource } from './jobs/types';
import { logFailure } from './log';
import type { JobSettings } from './settings';

/** Normalizes what a user types ("https://www.Example.com/x", "example.com") to a host. */
export function siteHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(text.includes('://') ? text : `http://${text}`).hostname;
    return host.replace(/^www\./, '') || null;
  } catch (error) {
    console.warn('Iris: not a site', input, error);
    return null;
  }
}

/** True when `pageUrl` is on a never-run site or one of its subdomains. */
export function isNeverSite(pageUrl: string | undefined, neverSites: string[]): boolean {
  if (!pageUrl) return false;
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch (error) {
    logFailure('page URL unreadable')(error);
    return false;
  }
  return neverSites.some((site) => {
    const s = siteHost(site);
    return !!s && (host === s || host.endsWith(`.${s}`) || host === `www.${s}`);
  });
}

/**
 * Throws when the user's privacy settings forbid a job here: a private window while
 * "Work in private windows" is off, a site on the never-run list, or a custom endpoint over
 * plain http to another machine. Nothing is sent then.
 */
export function assertAllowed(source: ImageSource, settings: JobSettings): void {
  if (source.incognito && !settings.privateWindows) {
    throw new IrisError('private-window', t('errorPrivateWindow'));
  }
  if (isNeverSite(source.pageUrl, settings.neverSites ?? [])) {
    throw new IrisError('site-blocked', t('errorSiteBlocked'));
  }
  if (settings.endpoint === 'custom' && !checkEndpointUrl(settings.baseUrl).ok) {
    throw new IrisError('insecure-endpoint', t('errorInsecureEndpoint'));
  }
}
