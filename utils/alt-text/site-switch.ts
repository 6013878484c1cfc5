import { browser } from 'wxt/browser';
import { IrisError } from '../errors';
import { logFailure } from '../log';
import { executeScript } from '../page/execute-script';
import { runInPage } from '../page/run-in-page';
import { altTextSitesSetting } from '../settings';
import { ALT_TEXT_SCRIPT_FILE, siteOf, sitePattern, syncAltTextScript } from './sites';

/**
 * Turns auto alt text on or off for a site. On: the content script is registered for it and
 * started in its open tabs. Off: unregistered, and every open tab of the site gets its
 * original alt attributes back. The popup asks for the host permission first, in the click.
 */
export async function setAltTextSite(site: string, enabled: boolean): Promise<boolean> {
  if (siteOf(site) !== site) throw new IrisError('internal', `Not a site: ${site}`);
  const sites = await altTextSitesSetting.getValue();
  const next = enabled ? [...new Set([...sites, site])] : sites.filter((s) => s !== site);
  if (enabled && !(await browser.permissions.contains({ origins: [sitePattern(site)] }))) {
    throw new IrisError('internal', `Iris has no access to ${site}.`);
  }
  await altTextSitesSetting.setValue(next);
  await syncAltTextScript(next);
  const tabs = await browser.tabs.query({ url: sitePattern(site) });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        if (enabled) {
          await browser.scripting.executeScript({
            target: { tabId: tab.id },
            files: [ALT_TEXT_SCRIPT_FILE],
          });
        } else {
          await runInPage(executeScript, {
            target: { tabId: tab.id, allFrames: true },
            file: '/page-alt-text.js',
            name: 'undoAltTextInPage',
            args: [],
          });
        }
      } catch (error) {
        // A tab that is loading or crashed: it gets the right state when it next loads.
        logFailure(`alt text not updated in tab ${tab.id}`)(error);
      }
    }),
  );
  return enabled;
}

/** Re-applies the registration from the setting (Firefox forgets it across restarts). */
export async function restoreAltTextScript(): Promise<void> {
  await syncAltTextScript(await altTextSitesSetting.getValue());
}
