import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AltTextSitesSection } from '../../components/AltTextSitesSection';
import { AllSitesSection } from '../../components/options/AllSitesSection';
import { BackupSection } from '../../components/options/BackupSection';
import {
  type Draft,
  loadDraft,
  mergeDraft,
  saveDraft,
  touchesDraft,
  type UpdateDraft,
} from '../../components/options/draft';
import { EndpointSection } from '../../components/options/EndpointSection';
import { HistorySection } from '../../components/options/HistorySection';
import { KeySection } from '../../components/options/KeySection';
import { ModelPicker } from '../../components/options/ModelPicker';
import { PresetsSection } from '../../components/options/PresetsSection';
import { AnswerSection, PrivacySection } from '../../components/options/SettingsSections';
import { checkEndpointUrl } from '../../utils/endpoint';
import { t } from '../../utils/i18n';
import type { ModelCache } from '../../utils/openrouter/models';
import { type OptionsField, optionsFocusItem } from '../../utils/options-focus';
import { baseUrlSetting } from '../../utils/settings';

const ENDPOINT_PROBLEMS = {
  'not-a-url': t('endpointNotUrl'),
  scheme: t('endpointScheme'),
  insecure: t('endpointInsecure'),
} as const;

/**
 * Focuses the field a next step in the popup asked for ("Check the endpoint settings"), once
 * the form is there: on opening, or in an Options tab already open. Asked once, then forgotten.
 */
function useRequestedFocus(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const focus = (field: OptionsField | null) => {
      if (!field) return;
      void optionsFocusItem.removeValue();
      const element = document.getElementById(field);
      element?.scrollIntoView({ block: 'center' });
      element?.focus({ preventScroll: true });
      // What is there is what failed (a refused key, a model that cannot see images): typing
      // or pasting replaces it.
      if (element instanceof HTMLInputElement && element.type !== 'checkbox') element.select();
    };
    void optionsFocusItem.getValue().then(focus);
    return optionsFocusItem.watch(focus);
  }, [ready]);
}

/** While the form has changes not saved, leaving the page asks first (the browser's prompt). */
function useLeaveWarning(unsaved: boolean) {
  // Read when the page is left, not re-registered after each render: an effect runs a frame
  // late, and a change typed just before closing would slip through.
  const pending = useRef(unsaved);
  pending.current = unsaved;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
}

/**
 * Settings changed elsewhere while this page is open (the popup's "switch model", another
 * Options tab) reach the form: `apply` gets the form with them, and the fresh stored values.
 * A field with an edit not saved here keeps the edit.
 */
function useChangesFromElsewhere(
  draft: Draft | null,
  stored: Draft | null,
  apply: (form: Draft, fresh: Draft) => void,
) {
  const latest = useRef({ draft, stored, apply });
  latest.current = { draft, stored, apply };
  useEffect(() => {
    let reads = 0;
    const changed = (changes: Record<string, unknown>, area: string) => {
      // History, the model list's cache and the like change often and are not in the form.
      if (area !== 'local' || !touchesDraft(changes)) return;
      const read = ++reads;
      void loadDraft().then((fresh) => {
        const { draft: form, stored: before } = latest.current;
        // Only the newest read counts (a Save writes many settings at once).
        if (read !== reads) return;
        // Before the page's first read is shown there is nothing edited to keep; this read is
        // the newer one (the browser answers storage reads in order).
        latest.current.apply(form && before ? mergeDraft(form, before, fresh) : fresh, fresh);
      });
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
}

/** Options: account, model, answers, privacy, endpoint, prompts, history, backup. */
export function App({ loadModels }: { loadModels?: (refresh: boolean) => Promise<ModelCache> }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  // The settings as stored: the form differs from them until Save.
  const [stored, setStored] = useState<Draft | null>(null);
  const [baseUrl, setBaseUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const loaded = (settings: Draft) => {
    setDraft(settings);
    setStored(settings);
  };
  const reload = () => void loadDraft().then(loaded);
  useEffect(() => {
    reload();
    void baseUrlSetting.getValue().then(setBaseUrl);
  }, []);
  const settled = draft !== null && baseUrl !== null;
  useRequestedFocus(settled);
  const update: UpdateDraft = (patch, inStorage) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    if (inStorage) setStored((s) => (s ? { ...s, ...patch } : s));
    // A status about the last Save (or its refusal) is out of date once the form changes.
    setStatus('');
  };
  const unsaved = JSON.stringify(draft) !== JSON.stringify(stored);
  useLeaveWarning(unsaved);

  useChangesFromElsewhere(draft, stored, (form, fresh) => {
    setDraft(form);
    setStored(fresh);
  });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    if (draft.custom.enabled || draft.custom.baseUrl.trim()) {
      const check = checkEndpointUrl(draft.custom.baseUrl);
      if (!check.ok) {
        setStatus(t('notSaved', ENDPOINT_PROBLEMS[check.reason]));
        return;
      }
      draft.custom.baseUrl = check.baseUrl;
    }
    const saved = await saveDraft(draft);
    loaded(saved);
    setStatus(saved.apiKey || saved.custom.enabled ? t('savedDescribe') : t('savedNeedsKey'));
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {draft && baseUrl !== null ? (
        <form onSubmit={(event) => void save(event)} aria-label={t('settingsLabel')}>
          <KeySection draft={draft} update={update} baseUrl={baseUrl} />
          <section aria-labelledby="model-heading">
            <h2 id="model-heading">{t('visionModel')}</h2>
            <ModelPicker
              value={draft.model}
              onChange={(model) => update({ model })}
              baseUrl={baseUrl}
              loadModels={loadModels}
            />
          </section>
          <AnswerSection draft={draft} update={update} />
          <PrivacySection draft={draft} update={update} />
          <EndpointSection draft={draft} update={update} />
          <div class="save-bar">
            <button type="submit">{t('save')}</button>
            <p class="saved" role="status">
              {status || (unsaved ? t('unsavedChanges') : '')}
            </p>
          </div>
        </form>
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}
      <AllSitesSection />
      <AltTextSitesSection settled={settled} />
      <PresetsSection />
      <HistorySection />
      <BackupSection onImported={reload} />
    </main>
  );
}
