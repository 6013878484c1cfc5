import type { ImageDetail } from '../../utils/settings';
import type { Draft, UpdateDraft } from './draft';

interface SectionProps {
  draft: Draft;
  update: UpdateDraft;
}

/** Answer languages offered besides Auto (tags; names come from Intl). */
const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'sv',
  'tr',
  'uk',
  'ja',
  'zh',
  'ko',
  'ar',
  'hi',
];

function languageLabel(tag: string): string {
  return new Intl.DisplayNames([navigator.language || 'en'], { type: 'language' }).of(tag) ?? tag;
}

/** Fallback models, answer language, image detail, image size and answer length. */
export function AnswerSection({ draft, update }: SectionProps) {
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">Answers</h2>
      <div class="field">
        <label for="fallbacks">Fallback models</label>
        <input
          id="fallbacks"
          type="text"
          spellcheck={false}
          value={draft.fallbackModels}
          onInput={(e) => update({ fallbackModels: e.currentTarget.value })}
          aria-describedby="fallbacks-help"
        />
        <p id="fallbacks-help" class="help">
          Model ids, separated by commas, that OpenRouter tries when the first one fails.
        </p>
      </div>
      <div class="field">
        <label for="language">Answer language</label>
        <select
          id="language"
          value={draft.answerLanguage}
          onChange={(e) => update({ answerLanguage: e.currentTarget.value })}
        >
          <option value="auto">Auto (the browser’s language)</option>
          {LANGUAGES.map((tag) => (
            <option key={tag} value={tag}>
              {languageLabel(tag)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="detail">Image detail</label>
        <select
          id="detail"
          value={draft.detail}
          onChange={(e) => update({ detail: e.currentTarget.value as ImageDetail })}
        >
          <option value="auto">Auto</option>
          <option value="low">Low (cheaper, faster)</option>
          <option value="high">High (small text, fine detail)</option>
        </select>
      </div>
      <div class="field">
        <label for="max-side">Longest image side (pixels)</label>
        <input
          id="max-side"
          type="number"
          min={256}
          max={8192}
          step={64}
          value={draft.maxImageSide}
          onInput={(e) => update({ maxImageSide: e.currentTarget.valueAsNumber })}
        />
      </div>
      <div class="field">
        <label for="max-tokens">Longest answer (tokens, 0 for no limit)</label>
        <input
          id="max-tokens"
          type="number"
          min={0}
          max={100000}
          step={100}
          value={draft.maxTokens}
          onInput={(e) => update({ maxTokens: e.currentTarget.valueAsNumber })}
        />
      </div>
    </section>
  );
}

/** A labelled checkbox with a line of help. */
export function Check(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  help: string;
}) {
  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {props.label}
      </label>
      <p class="help">{props.help}</p>
    </div>
  );
}

/** Provider data rules, URL sending, private windows and never-run sites. */
export function PrivacySection({ draft, update }: SectionProps) {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <Check
        label="Only providers that keep no data"
        checked={draft.noDataProviders}
        onChange={(v) => update({ noDataProviders: v })}
        help="OpenRouter routes only to providers with zero data retention that do not collect data. Fewer models may be available."
      />
      <Check
        label="Send public images by URL"
        checked={draft.sendPublicByUrl}
        onChange={(v) => update({ sendPublicByUrl: v })}
        help="Faster and cheaper; the provider fetches the image itself. Off: Iris always uploads the pixels."
      />
      <Check
        label="Work in private windows"
        checked={draft.privateWindows}
        onChange={(v) => update({ privateWindows: v })}
        help="Off: Iris’s menu items do nothing in private windows and say why. Private jobs are never kept in History."
      />
      <div class="field">
        <label for="never-sites">Sites where Iris never runs</label>
        <textarea
          id="never-sites"
          rows={3}
          spellcheck={false}
          value={draft.neverSites}
          onInput={(e) => update({ neverSites: e.currentTarget.value })}
          aria-describedby="never-sites-help"
        />
        <p id="never-sites-help" class="help">
          One site per line, e.g. <code>bank.example</code> (its subdomains too).
        </p>
      </div>
    </section>
  );
}
