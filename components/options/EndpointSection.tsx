import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkEndpointUrl } from '../../utils/endpoint';
import { t } from '../../utils/i18n';
import type { Draft, UpdateDraft } from './draft';
import { Check } from './SettingsSections';

/** A custom OpenAI-compatible endpoint (Ollama, LM Studio, vLLM) with its own key. */
export function EndpointSection({ draft, update }: { draft: Draft; update: UpdateDraft }) {
  const custom = draft.custom;
  const [access, setAccess] = useState('');
  // Servers that send no CORS headers answer an extension only with host permission:
  // asked for on this click (a user gesture), for this one origin.
  const allowDirect = async () => {
    const check = checkEndpointUrl(custom.baseUrl);
    if (!check.ok) {
      setAccess(t('endpointEnterValid'));
      return;
    }
    const granted = await browser.permissions.request({ origins: [`${check.origin}/*`] });
    setAccess(granted ? t('endpointMayReach', check.origin) : t('endpointNotAllowed'));
  };
  return (
    <section aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">{t('endpointHeading')}</h2>
      <Check
        label={t('endpointUse')}
        checked={custom.enabled}
        onChange={(v) => update({ custom: { ...custom, enabled: v } })}
        help={t('endpointUseHelp')}
      />
      <div class="field">
        <label for="endpoint-url">{t('endpointUrl')}</label>
        <input
          id="endpoint-url"
          type="url"
          spellcheck={false}
          placeholder="http://localhost:11434/v1"
          value={custom.baseUrl}
          onInput={(e) => update({ custom: { ...custom, baseUrl: e.currentTarget.value } })}
          aria-describedby="endpoint-help"
        />
        <p id="endpoint-help" class="help">
          {t('endpointUrlHelp')} <code>OLLAMA_ORIGINS=chrome-extension://*</code> (Firefox:{' '}
          <code>moz-extension://*</code>).
        </p>
      </div>
      <div class="field">
        <label for="endpoint-model">{t('endpointModel')}</label>
        <input
          id="endpoint-model"
          type="text"
          spellcheck={false}
          placeholder="llava"
          value={custom.model}
          onInput={(e) => update({ custom: { ...custom, model: e.currentTarget.value } })}
        />
      </div>
      <div class="field">
        <label for="endpoint-key">{t('endpointKey')}</label>
        <input
          id="endpoint-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={draft.customApiKey}
          onInput={(e) => update({ customApiKey: e.currentTarget.value })}
        />
      </div>
      <button type="button" class="secondary" onClick={() => void allowDirect()}>
        {t('endpointAllow')}
      </button>
      <p aria-live="polite" class="help">
        {access}
      </p>
    </section>
  );
}
