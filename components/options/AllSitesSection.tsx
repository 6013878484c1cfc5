import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES } from '../../utils/context-listener';
import { t } from '../../utils/i18n';

/**
 * Optional access to all sites: lets a tiny listener remember what was right-clicked, so
 * "Describe image" on a canvas or a CSS background needs no pick. Asked for from the click.
 */
export function AllSitesSection() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    // Where the permissions API is missing (a test double), the control stays hidden.
    Promise.resolve()
      .then(() => browser.permissions.contains(ALL_SITES))
      .then(setGranted, (error: unknown) => console.warn('Iris: no permissions API', error));
  }, []);
  const toggle = async () => {
    const next = granted
      ? !(await browser.permissions.remove(ALL_SITES))
      : await browser.permissions.request(ALL_SITES);
    setGranted(next);
    setStatus(next ? t('allSitesOn') : t('allSitesOff'));
  };
  return (
    <section aria-labelledby="all-sites-heading">
      <h2 id="all-sites-heading">{t('allSitesHeading')}</h2>
      <p id="all-sites-help" class="help">
        {t('allSitesHelp')}
      </p>
      {granted !== null && (
        <button
          type="button"
          class="secondary"
          aria-describedby="all-sites-help"
          onClick={() => void toggle()}
        >
          {granted ? t('allSitesTurnOff') : t('allSitesTurnOn')}
        </button>
      )}
      <p class="saved" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
