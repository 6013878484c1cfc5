import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { toIrisError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { checkKey, type KeyInfo } from '../../utils/openrouter/key';
import { signInWithOpenRouter } from '../../utils/openrouter/oauth';
import { apiKeySetting } from '../../utils/settings';
import { adviceFor } from '../error-advice';
import type { Draft, UpdateDraft } from './draft';

interface KeySectionProps {
  draft: Draft;
  update: UpdateDraft;
  baseUrl: string;
}

function usd(n: number | null): string {
  return n === null ? t('noLimit') : `$${n.toFixed(2)}`;
}

/** The OpenRouter key: paste (masked, checked with GET /key), connect with OAuth, sign out. */
export function KeySection({ draft, update, baseUrl }: KeySectionProps) {
  const [showKey, setShowKey] = useState(false);
  const [note, setNote] = useState('');
  const [info, setInfo] = useState<KeyInfo | null>(null);

  const check = async () => {
    setInfo(null);
    setNote(t('checking'));
    try {
      setInfo(await checkKey(baseUrl, draft.apiKey.trim()));
      setNote(t('keyWorks'));
    } catch (error) {
      setNote(adviceFor(toIrisError(error).toJSON()).sentence);
    }
  };

  const connect = async () => {
    // The permission prompt needs the click's user gesture: ask before anything else.
    // Firefox has identity from install (no prompt there, and it cannot be optional).
    const granted =
      import.meta.env.FIREFOX || (await browser.permissions.request({ permissions: ['identity'] }));
    if (!granted) {
      setNote(t('keyNeedsIdentity'));
      return;
    }
    try {
      const key = await signInWithOpenRouter(baseUrl, {
        redirectUrl: () => browser.identity.getRedirectURL(),
        launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
      });
      await apiKeySetting.setValue(key);
      update({ apiKey: key }, true);
      setNote(t('keyConnected'));
    } catch (error) {
      setNote(t('keyConnectFailed', toIrisError(error).message));
    }
  };

  const signOut = async () => {
    await apiKeySetting.setValue('');
    update({ apiKey: '' }, true);
    setInfo(null);
    setNote(t('keySignedOut'));
  };

  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">{t('keyHeading')}</h2>
      <div class="field">
        <label for="api-key">{t('apiKeyLabel')}</label>
        <div class="row">
          <input
            id="api-key"
            type={showKey ? 'text' : 'password'}
            autocomplete="off"
            spellcheck={false}
            placeholder="sk-or-v1-…"
            value={draft.apiKey}
            onInput={(event) => update({ apiKey: event.currentTarget.value })}
            aria-describedby="api-key-help"
          />
          <button
            type="button"
            class="secondary"
            aria-pressed={showKey}
            onClick={() => setShowKey(!showKey)}
          >
            {showKey ? t('hide') : t('show')}
          </button>
        </div>
        <p id="api-key-help" class="help">
          {t('keyHelpBefore')}{' '}
          <a href="https://openrouter.ai/keys" target="_blank" rel="noopener noreferrer">
            openrouter.ai/keys
          </a>
          {t('keyHelpAfter')}
        </p>
        <div class="row actions">
          <button
            type="button"
            class="secondary"
            disabled={!draft.apiKey.trim()}
            onClick={() => void check()}
          >
            {t('checkKey')}
          </button>
          <button type="button" class="secondary" onClick={() => void connect()}>
            {t('connectOpenRouter')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!draft.apiKey}
            onClick={() => void signOut()}
          >
            {t('signOut')}
          </button>
        </div>
        <div aria-live="polite" class="key-result">
          {note && <p>{note}</p>}
          {info && (
            <dl aria-label={t('keyDetails')}>
              <dt>{t('keyLabel')}</dt>
              <dd>{info.label || t('keyNoLabel')}</dd>
              <dt>{t('keyLimit')}</dt>
              <dd>{usd(info.limit)}</dd>
              <dt>{t('keyLeft')}</dt>
              <dd>{info.remaining === null ? t('noLimit') : usd(info.remaining)}</dd>
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
