import { t } from '../../utils/i18n';
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
      <h2 id="answer-heading">{t('answersHeading')}</h2>
      <div class="field">
        <label for="fallbacks">{t('fallbackModels')}</label>
        <input
          id="fallbacks"
          type="text"
          spellcheck={false}
          value={draft.fallbackModels}
          onInput={(e) => update({ fallbackModels: e.currentTarget.value })}
          aria-describedby="fallbacks-help"
        />
        <p id="fallbacks-help" class="help">
          {t('fallbackModelsHelp')}
        </p>
      </div>
      <div class="field">
        <label for="language">{t('answerLanguage')}</label>
        <select
          id="language"
          value={draft.answerLanguage}
          onChange={(e) => update({ answerLanguage: e.currentTarget.value })}
        >
          <option value="auto">{t('languageAuto')}</option>
          {LANGUAGES.map((tag) => (
            <option key={tag} value={tag}>
              {languageLabel(tag)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="detail">{t('imageDetail')}</label>
        <select
          id="detail"
          value={draft.detail}
          onChange={(e) => update({ detail: e.currentTarget.value as ImageDetail })}
        >
          <option value="auto">{t('detailAuto')}</option>
          <option value="low">{t('detailLow')}</option>
          <option value="high">{t('detailHigh')}</option>
        </select>
      </div>
      <div class="field">
        <label for="max-side">{t('maxImageSide')}</label>
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
        <label for="max-tokens">{t('maxTokens')}</label>
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
      <fieldset class="field">
        <legend>{t('waitingLimits')}</legend>
        <p class="help">{t('waitingLimitsHelp')}</p>
        <Seconds
          id="first-byte-timeout"
          label={t('firstByteTimeout')}
          min={5}
          max={600}
          value={draft.firstByteTimeout}
          onInput={(v) => update({ firstByteTimeout: v })}
        />
        <Seconds
          id="idle-timeout"
          label={t('idleTimeout')}
          min={5}
          max={600}
          value={draft.idleTimeout}
          onInput={(v) => update({ idleTimeout: v })}
        />
        <Seconds
          id="image-timeout"
          label={t('imageTimeout')}
          min={2}
          max={120}
          value={draft.imageTimeout}
          onInput={(v) => update({ imageTimeout: v })}
        />
      </fieldset>
    </section>
  );
}

/** A number of seconds, labelled. */
function Seconds(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onInput: (v: number) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.valueAsNumber)}
      />
    </div>
  );
}

/** A labelled checkbox with a line of help. */
export function Check(props: {
  /** For a next step in the popup that leads here (utils/options-focus.ts). */
  id?: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  help: string;
}) {
  return (
    <div class="field">
      <label class="check">
        <input
          id={props.id}
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
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <Check
        label={t('noDataProviders')}
        checked={draft.noDataProviders}
        onChange={(v) => update({ noDataProviders: v })}
        help={t('noDataProvidersHelp')}
      />
      <Check
        label={t('sendByUrl')}
        checked={draft.sendPublicByUrl}
        onChange={(v) => update({ sendPublicByUrl: v })}
        help={t('sendByUrlHelp')}
      />
      <Check
        id="private-windows"
        label={t('privateWindows')}
        checked={draft.privateWindows}
        onChange={(v) => update({ privateWindows: v })}
        help={t('privateWindowsHelp')}
      />
      <div class="field">
        <label for="never-sites">{t('neverSites')}</label>
        <textarea
          id="never-sites"
          rows={3}
          spellcheck={false}
          value={draft.neverSites}
          onInput={(e) => update({ neverSites: e.currentTarget.value })}
          aria-describedby="never-sites-help"
        />
        <p id="never-sites-help" class="help">
          {t('neverSitesHelpBefore')} <code>bank.example</code> {t('neverSitesHelpAfter')}
        </p>
      </div>
    </section>
  );
}
