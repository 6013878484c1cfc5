import { useEffect, useState } from 'preact/hooks';
import { AltTextSitesSection } from '../../components/AltTextSitesSection';
import { apiKeySetting, DEFAULT_MODEL, modelSetting } from '../../utils/settings';

/** Options: the API key and the model. (Full settings: issue 5/7.) */
export function App() {
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [status, setStatus] = useState('');
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void Promise.all([apiKeySetting.getValue(), modelSetting.getValue()]).then(([key, name]) => {
      setApiKey(key);
      setModel(name);
      setLoaded(true);
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const key = apiKey.trim();
    const name = model.trim() || DEFAULT_MODEL;
    await Promise.all([apiKeySetting.setValue(key), modelSetting.setValue(name)]);
    setModel(name);
    setStatus(
      key
        ? 'Saved. Right-click any image and choose “Describe image”.'
        : 'Saved. Iris needs an API key to describe images.',
    );
  };

  return (
    <main>
      <h1>Iris options</h1>
      <form onSubmit={(event) => void save(event)} aria-busy={!loaded}>
        <div class="field">
          <label for="api-key">OpenRouter API key</label>
          <div class="row">
            <input
              id="api-key"
              type={showKey ? 'text' : 'password'}
              autocomplete="off"
              spellcheck={false}
              placeholder="sk-or-v1-…"
              value={apiKey}
              onInput={(event) => setApiKey(event.currentTarget.value)}
              aria-describedby="api-key-help"
            />
            <button
              type="button"
              class="secondary"
              aria-pressed={showKey}
              onClick={() => setShowKey(!showKey)}
            >
              {showKey ? 'Hide' : 'Show'}
            </button>
          </div>
          <p id="api-key-help" class="help">
            Create one at{' '}
            <a href="https://openrouter.ai/keys" target="_blank" rel="noopener noreferrer">
              openrouter.ai/keys
            </a>
            . It stays in this browser and is sent only to OpenRouter.
          </p>
        </div>
        <div class="field">
          <label for="model">Model</label>
          <input
            id="model"
            type="text"
            spellcheck={false}
            value={model}
            onInput={(event) => setModel(event.currentTarget.value)}
            aria-describedby="model-help"
          />
          <p id="model-help" class="help">
            An OpenRouter model that can read images, for example <code>{DEFAULT_MODEL}</code>.
          </p>
        </div>
        <button type="submit">Save</button>
        <p class="saved" role="status">
          {status}
        </p>
      </form>
      <AltTextSitesSection />
    </main>
  );
}
