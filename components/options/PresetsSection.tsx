import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { listPresets } from '../../utils/presets';
import { type PresetState, presetsSetting } from '../../utils/settings';

/** Built-in and own prompt presets; each one switched on is an item in the image menu. */
export function PresetsSection({ newId = () => crypto.randomUUID() }: { newId?: () => string }) {
  const [state, setState] = useState<PresetState | null>(null);
  const [name, setName] = useState('');
  const [prompt, setPrompt] = useState('');

  useEffect(() => {
    void presetsSetting.getValue().then(setState);
    return presetsSetting.watch(setState);
  }, []);
  if (!state) return null;

  const save = (next: PresetState) => {
    setState(next);
    void presetsSetting.setValue(next);
  };
  const toggle = (id: string, builtIn: boolean, enabled: boolean) =>
    save(
      builtIn
        ? { ...state, builtIns: { ...state.builtIns, [id]: enabled } }
        : { ...state, custom: state.custom.map((p) => (p.id === id ? { ...p, enabled } : p)) },
    );
  const add = (event: Event) => {
    event.preventDefault();
    if (!name.trim() || !prompt.trim()) return;
    save({
      ...state,
      custom: [
        ...state.custom,
        { id: newId(), name: name.trim(), prompt: prompt.trim(), enabled: true },
      ],
    });
    setName('');
    setPrompt('');
  };

  return (
    <section aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('presetsHeading')}</h2>
      <ul class="presets">
        {listPresets(state).map((p) => (
          <li key={p.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={p.enabled}
                disabled={p.id === 'describe'}
                onChange={(event) => toggle(p.id, p.builtIn, event.currentTarget.checked)}
              />
              {p.id === 'describe' ? t('presetDescribeAlways') : t('presetShow', p.name)}
            </label>
            <p class="help">{p.prompt}</p>
            {!p.builtIn && (
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  save({ ...state, custom: state.custom.filter((c) => c.id !== p.id) })
                }
              >
                {t('presetDelete', p.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} aria-label={t('presetNew')}>
        <div class="field">
          <label for="preset-name">{t('presetName')}</label>
          <input
            id="preset-name"
            type="text"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="preset-prompt">{t('presetPrompt')}</label>
          <textarea
            id="preset-prompt"
            rows={3}
            value={prompt}
            onInput={(e) => setPrompt(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="secondary" disabled={!name.trim() || !prompt.trim()}>
          {t('presetAdd')}
        </button>
      </form>
    </section>
  );
}
