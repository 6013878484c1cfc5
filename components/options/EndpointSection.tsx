import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkEndpointUrl } from '../../utils/endpoint';
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
      setAccess('Enter a valid https address (or http on this computer) first.');
      return;
    }
    const granted = await browser.permissions.request({ origins: [`${check.origin}/*`] });
    setAccess(
      granted
        ? `Iris may reach ${check.origin} directly.`
        : 'Not allowed; the server must then send CORS headers.',
    );
  };
  return (
    <section aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">Custom endpoint</h2>
      <Check
        label="Use a custom endpoint instead of OpenRouter"
        checked={custom.enabled}
        onChange={(v) => update({ custom: { ...custom, enabled: v } })}
        help="Any server with an OpenAI-compatible /chat/completions. Your OpenRouter key is never sent to it, and its key never to OpenRouter."
      />
      <div class="field">
        <label for="endpoint-url">Endpoint base URL</label>
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
          https, or http on this computer only (localhost, 127.0.0.1). Ollama refuses extensions
          unless started with <code>OLLAMA_ORIGINS=chrome-extension://*</code> (Firefox:{' '}
          <code>moz-extension://*</code>).
        </p>
      </div>
      <div class="field">
        <label for="endpoint-model">Endpoint model</label>
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
        <label for="endpoint-key">Endpoint API key (optional)</label>
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
        Allow direct access to this server
      </button>
      <p aria-live="polite" class="help">
        {access}
      </p>
    </section>
  );
}
