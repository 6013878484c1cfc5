import { useEffect, useMemo, useState } from 'preact/hooks';
import { toIrisError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { getImageModels, type ModelCache, type ModelInfo } from '../../utils/openrouter/models';
import { describeModelPrice, formatModelPrice } from '../model-price';

interface ModelPickerProps {
  value: string;
  onChange: (id: string) => void;
  baseUrl: string;
  /** Loads the image-capable models (cached a day); injected in tests. */
  loadModels?: (refresh: boolean) => Promise<ModelCache>;
}

const MAX_SHOWN = 50;

function matches(model: ModelInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || model.id.toLowerCase().includes(q) || model.name.toLowerCase().includes(q);
}

/**
 * A searchable model picker (ARIA 1.2 combobox with a listbox popup): typing filters the
 * image-capable models; arrows move, Enter picks, Escape closes. Any typed id is kept too.
 */
export function ModelPicker({ value, onChange, baseUrl, loadModels }: ModelPickerProps) {
  const load = loadModels ?? ((refresh: boolean) => getImageModels({ baseUrl }, refresh));
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  // What was typed since the field got focus: the list opens whole, typing filters it (the id
  // already there, often the one that just failed, would hide every other choice).
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);

  const fetchList = async (refresh: boolean) => {
    // Only a refresh speaks: the quiet first load must not clear a refresh's message.
    if (refresh) setNote(t('modelsRefreshing'));
    try {
      const list = await load(refresh);
      setModels(list.models);
      setFetchedAt(list.fetchedAt);
      if (refresh) setNote(t('modelsCount', list.models.length));
    } catch (error) {
      const failure = toIrisError(error);
      // Offline (or OpenRouter down): typing an id still works, and Refresh tries again.
      setNote(
        failure.code === 'network'
          ? t('modelsUnreachable')
          : t('modelsLoadFailed', failure.message),
      );
    }
  };
  useEffect(() => void fetchList(false), [baseUrl]);

  const shown = useMemo(
    () => models.filter((m) => matches(m, query)).slice(0, MAX_SHOWN),
    [models, query],
  );
  const selected = models.find((m) => m.id === value);

  const pick = (model: ModelInfo) => {
    onChange(model.id);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : -1));
    } else if (event.key === 'Enter' && open && shown[active]) {
      event.preventDefault();
      pick(shown[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div class="field picker">
      <label for="model">{t('modelLabel')}</label>
      <div class="row">
        <input
          id="model"
          type="text"
          role="combobox"
          aria-expanded={open && shown.length > 0}
          aria-controls="model-choices"
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? `model-option-${active}` : undefined}
          aria-describedby="model-help"
          autocomplete="off"
          spellcheck={false}
          value={value}
          onInput={(event) => {
            onChange(event.currentTarget.value);
            setQuery(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => {
            setQuery('');
            setOpen(true);
            // The whole list is shown again: an index into the filtered one would point at
            // another model, and Enter would pick it.
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" class="secondary" onClick={() => void fetchList(true)}>
          {t('refreshList')}
        </button>
      </div>
      <div
        id="model-choices"
        role="listbox"
        aria-label={t('modelChoices')}
        hidden={!open || shown.length === 0}
      >
        {shown.map((model, index) => (
          <div
            key={model.id}
            // Focus stays in the input (aria-activedescendant); -1 keeps options out of Tab order.
            tabIndex={-1}
            id={`model-option-${index}`}
            role="option"
            aria-selected={index === active}
            aria-label={`${model.name}, ${describeModelPrice(model)}`}
            class={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              // Keep focus in the input so the click picks before blur closes the list.
              event.preventDefault();
              pick(model);
            }}
          >
            <span class="model-name">{model.name}</span>
            <span class="model-id">{model.id}</span>
            <span class="model-price">{formatModelPrice(model)}</span>
          </div>
        ))}
      </div>
      <p id="model-help" class="help">
        {selected ? `${selected.name}: ${formatModelPrice(selected)}.` : t('modelHelp')}
        {fetchedAt !== null && ` ${t('modelListFrom', new Date(fetchedAt).toLocaleString())}`}
      </p>
      <p class="help" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
