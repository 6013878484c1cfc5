import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOf, sitePattern } from '../utils/alt-text/sites';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import {
  altTextCopySetting,
  altTextDayCapSetting,
  altTextPageCapSetting,
  altTextSitesSetting,
} from '../utils/settings';

/** The site the popup's switch sent the user here to turn on (Firefox), from the address. */
function askedSite(): string | null {
  return siteOf(new URLSearchParams(location.hash.slice(1)).get('alt-text') ?? undefined);
}

/**
 * Options → Alt text: the opted-in sites (each can be turned off), caps and copying.
 * `settled`: the sections above have their final height (the place to scroll to is known).
 */
export function AltTextSitesSection({ settled = true }: { settled?: boolean }) {
  const [sites, setSites] = useState<string[]>([]);
  const [copy, setCopy] = useState(false);
  const [pageCap, setPageCap] = useState('');
  const [dayCap, setDayCap] = useState('');
  const [status, setStatus] = useState('');
  const [newSite, setNewSite] = useState('');

  const turnOnButton = useRef<HTMLButtonElement>(null);
  // Read once: the address is cleaned at once, so a reload does not ask again.
  const [asked] = useState(askedSite);

  useEffect(() => {
    if (asked) history.replaceState(null, '', location.pathname + location.search);
    void altTextSitesSetting.getValue().then((on) => {
      setSites(on);
      // Sent here by the popup's switch (Firefox): the site filled in, Turn on at hand —
      // unless it is on already.
      if (!asked || on.includes(asked)) return;
      setNewSite(asked);
      setStatus(t('altPressTurnOn', new URL(asked).hostname));
    });
    void altTextCopySetting.getValue().then(setCopy);
    void altTextPageCapSetting.getValue().then((usd) => setPageCap(String(usd)));
    void altTextDayCapSetting.getValue().then((usd) => setDayCap(String(usd)));
    return altTextSitesSetting.watch(setSites);
  }, [asked]);

  useEffect(() => {
    if (!settled || !asked) return;
    turnOnButton.current?.scrollIntoView?.({ block: 'center' });
    turnOnButton.current?.focus({ preventScroll: true });
  }, [settled, asked]);

  const turnOff = async (site: string) => {
    try {
      await sendMessage('setAltTextSite', { site, enabled: false });
      setStatus(t('altSiteTurnedOff', site));
    } catch (error) {
      console.error('Iris options:', error);
      setStatus(t('altSiteOffFailed', site));
    }
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    const typed = newSite.trim();
    const site = siteOf(/^https?:\/\//i.test(typed) ? typed : `https://${typed}`);
    if (!site) {
      setStatus(t('altTypeAddress'));
      return;
    }
    try {
      // First await of the submit handler, so the user's gesture is still valid.
      if (!(await browser.permissions.request({ origins: [sitePattern(site)] }))) {
        setStatus(t('altNeedsAccess', site));
        return;
      }
      await sendMessage('setAltTextSite', { site, enabled: true });
      setNewSite('');
      setStatus(t('altSiteTurnedOn', site));
    } catch (error) {
      console.error('Iris options:', error);
      setStatus(t('altSiteOnFailed', site));
    }
  };

  const saveCap = async (which: 'page' | 'day', value: string) => {
    const usd = Number(value);
    if (!Number.isFinite(usd) || usd < 0) {
      setStatus(t('altCapInvalid'));
      return;
    }
    await (which === 'page' ? altTextPageCapSetting : altTextDayCapSetting).setValue(usd);
    setStatus(t('saved'));
  };

  return (
    <section aria-labelledby="alt-text-heading" class="alt-text-section">
      <h2 id="alt-text-heading">{t('altText')}</h2>
      <h3 id="alt-sites-heading">{t('altSitesHeading')}</h3>
      {sites.length === 0 ? (
        <p class="help">{t('altSitesNone')}</p>
      ) : (
        <ul aria-labelledby="alt-sites-heading" class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button
                type="button"
                class="secondary"
                aria-label={t('altTurnOffSite', site)}
                onClick={() => void turnOff(site)}
              >
                {t('turnOff')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={(event) => void addSite(event)}>
        <label for="alt-new-site">{t('altTurnOnForSite')}</label>
        <div class="row">
          <input
            id="alt-new-site"
            type="text"
            spellcheck={false}
            placeholder="https://example.com"
            value={newSite}
            onInput={(event) => setNewSite(event.currentTarget.value)}
          />
          <button type="submit" ref={turnOnButton}>
            {t('turnOn')}
          </button>
        </div>
      </form>
      <div class="field">
        <label for="alt-page-cap">{t('altPageCap')}</label>
        <input
          id="alt-page-cap"
          type="text"
          inputMode="decimal"
          value={pageCap}
          onInput={(event) => setPageCap(event.currentTarget.value)}
          onChange={(event) => void saveCap('page', event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="alt-day-cap">{t('altDayCap')}</label>
        <input
          id="alt-day-cap"
          type="text"
          inputMode="decimal"
          value={dayCap}
          onInput={(event) => setDayCap(event.currentTarget.value)}
          onChange={(event) => void saveCap('day', event.currentTarget.value)}
        />
      </div>
      <div class="field checkbox">
        <input
          id="alt-copy"
          type="checkbox"
          checked={copy}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setCopy(checked);
            void altTextCopySetting.setValue(checked).then(() => setStatus(t('saved')));
          }}
        />
        <label for="alt-copy">{t('altCopySetting')}</label>
      </div>
      {/* A polite live region without role="status": the key form above has the page's status. */}
      <p class="saved" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
