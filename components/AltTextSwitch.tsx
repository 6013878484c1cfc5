import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOf, sitePattern } from '../utils/alt-text/sites';
import { type AltTextNotice, altTextNoticesItem } from '../utils/alt-text/store';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { altTextSitesSetting } from '../utils/settings';

export interface AltTextSwitchProps {
  /** The tab the popup is about (the active tab of the window it opened on). */
  getTab?: () => Promise<{ id?: number; url?: string } | undefined>;
  /**
   * Firefox puts a permission prompt asked from the popup under the popup, and the popup's
   * code goes when it closes (tried in Firefox 153: the site was never turned on). There, a
   * site not yet allowed is turned on from Options, in a tab, where the prompt works.
   */
  grantInOptions?: boolean;
}

/** Options at its alt text section, the site filled in, for the user to press Turn on. */
function openOptionsFor(site: string): Promise<unknown> {
  const url = browser.runtime.getURL(`/options.html#alt-text=${encodeURIComponent(site)}`);
  return browser.tabs.create({ url }).then(() => window.close());
}

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * "Alt text on this site": a switch for the active tab's site. Turning it on asks for that
 * site's host permission from the click itself (the browser requires a user gesture), then
 * lets the background register the content script. Also shows a cap's notice for this tab.
 */
export function AltTextSwitch({
  getTab = activeTab,
  grantInOptions = import.meta.env.FIREFOX,
}: AltTextSwitchProps) {
  const [site, setSite] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [sites, setSites] = useState<string[]>([]);
  const [notices, setNotices] = useState<Record<string, AltTextNotice>>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    void getTab().then((tab) => {
      setSite(siteOf(tab?.url));
      setTabId(tab?.id);
    });
    void altTextSitesSetting.getValue().then(setSites);
    void altTextNoticesItem.getValue().then(setNotices);
    const unwatchSites = altTextSitesSetting.watch(setSites);
    const unwatchNotices = altTextNoticesItem.watch(setNotices);
    return () => {
      unwatchSites();
      unwatchNotices();
    };
  }, [getTab]);

  if (!site) return null;
  const on = sites.includes(site);
  const notice = tabId === undefined ? undefined : notices[String(tabId)];

  const toggle = async () => {
    setMessage('');
    try {
      if (!on && grantInOptions) {
        if (!(await browser.permissions.contains({ origins: [sitePattern(site)] }))) {
          await openOptionsFor(site);
          return;
        }
      } else if (!on) {
        // First call of the handler, so the click's user gesture is still valid.
        const granted = await browser.permissions.request({ origins: [sitePattern(site)] });
        if (!granted) {
          setMessage(t('altNeedsAccess', new URL(site).hostname));
          return;
        }
      }
      await sendMessage('setAltTextSite', { site, enabled: !on });
      setMessage(on ? t('altTurnedOffBack') : t('altTurnedOn'));
    } catch (error) {
      console.error('Iris popup:', error);
      setMessage(t('altChangeFailed'));
    }
  };

  return (
    <section class="alt-switch" aria-label={t('altText')}>
      <div class="switch-row">
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={on}
          aria-describedby="alt-switch-help"
          onClick={() => void toggle()}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          {t('altOnThisSite')}
        </button>
      </div>
      <p id="alt-switch-help" class="note">
        {t('altSwitchHelp', new URL(site).hostname)}
      </p>
      <p class="note" role="status">
        {message}
      </p>
      {notice && (
        <p class="cap-notice" role="alert">
          {notice.scope === 'page'
            ? t('altCapPage', `$${notice.capUsd}`)
            : t('altCapDay', `$${notice.capUsd}`)}
        </p>
      )}
    </section>
  );
}
