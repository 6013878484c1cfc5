import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOf, sitePattern } from '../utils/alt-text/sites';
import { sendMessage } from '../utils/messaging';
import {
  altTextCopySetting,
  altTextDayCapSetting,
  altTextPageCapSetting,
  altTextSitesSetting,
} from '../utils/settings';

/** Options → Alt text: the opted-in sites (each can be turned off), caps and copying. */
export function AltTextSitesSection() {
  const [sites, setSites] = useState<string[]>([]);
  const [copy, setCopy] = useState(false);
  const [pageCap, setPageCap] = useState('');
  const [dayCap, setDayCap] = useState('');
  const [status, setStatus] = useState('');
  const [newSite, setNewSite] = useState('');

  useEffect(() => {
    void altTextSitesSetting.getValue().then(setSites);
    void altTextCopySetting.getValue().then(setCopy);
    void altTextPageCapSetting.getValue().then((usd) => setPageCap(String(usd)));
    void altTextDayCapSetting.getValue().then((usd) => setDayCap(String(usd)));
    return altTextSitesSetting.watch(setSites);
  }, []);

  const turnOff = async (site: string) => {
    try {
      await sendMessage('setAltTextSite', { site, enabled: false });
      setStatus(`Alt text turned off on ${site}; its original text is back.`);
    } catch (error) {
      console.error('Iris options:', error);
      setStatus(`Could not turn alt text off on ${site}. Try again.`);
    }
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    const typed = newSite.trim();
    const site = siteOf(/^https?:\/\//i.test(typed) ? typed : `https://${typed}`);
    if (!site) {
      setStatus('Type a web address, such as https://example.com.');
      return;
    }
    try {
      // First await of the submit handler, so the user's gesture is still valid.
      if (!(await browser.permissions.request({ origins: [sitePattern(site)] }))) {
        setStatus(`Iris needs access to ${site} to write alt text there.`);
        return;
      }
      await sendMessage('setAltTextSite', { site, enabled: true });
      setNewSite('');
      setStatus(`Alt text turned on for ${site}.`);
    } catch (error) {
      console.error('Iris options:', error);
      setStatus(`Could not turn alt text on for ${site}. Try again.`);
    }
  };

  const saveCap = async (which: 'page' | 'day', value: string) => {
    const usd = Number(value);
    if (!Number.isFinite(usd) || usd < 0) {
      setStatus('A limit is an amount in US dollars, such as 0.05.');
      return;
    }
    await (which === 'page' ? altTextPageCapSetting : altTextDayCapSetting).setValue(usd);
    setStatus('Saved.');
  };

  return (
    <section aria-labelledby="alt-text-heading" class="alt-text-section">
      <h2 id="alt-text-heading">Alt text</h2>
      <h3 id="alt-sites-heading">Sites with alt text on</h3>
      {sites.length === 0 ? (
        <p class="help">
          None yet. Turn on “Alt text on this site” in the Iris popup on a site to add it.
        </p>
      ) : (
        <ul aria-labelledby="alt-sites-heading" class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button
                type="button"
                class="secondary"
                aria-label={`Turn off alt text on ${site}`}
                onClick={() => void turnOff(site)}
              >
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={(event) => void addSite(event)}>
        <label for="alt-new-site">Turn alt text on for a site</label>
        <div class="row">
          <input
            id="alt-new-site"
            type="text"
            spellcheck={false}
            placeholder="https://example.com"
            value={newSite}
            onInput={(event) => setNewSite(event.currentTarget.value)}
          />
          <button type="submit">Turn on</button>
        </div>
      </form>
      <div class="field">
        <label for="alt-page-cap">Limit per page (US dollars)</label>
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
        <label for="alt-day-cap">Limit per day (US dollars)</label>
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
            void altTextCopySetting.setValue(checked).then(() => setStatus('Saved.'));
          }}
        />
        <label for="alt-copy">Copy alt text from “Generate alt text” to the clipboard</label>
      </div>
      {/* A polite live region without role="status": the key form above has the page's status. */}
      <p class="saved" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
