import type { SerializedIrisError } from '../utils/errors';
import { t } from '../utils/i18n';
import type { OptionsField } from '../utils/options-focus';
import { adviceFor } from './error-advice';

interface ErrorNoticeProps {
  error: SerializedIrisError;
  onRetry: () => void;
  /** Opens Options, at the field that fixes the error. */
  onOpenOptions: (field: OptionsField) => void;
  /** Switches to an image-capable model and retries; without it, Options opens instead. */
  onSwitchModel?: () => void;
  /** Starts a region capture on the tab (for a picture Iris may not read). */
  onCapture?: () => void;
}

/** An error as a sentence, the provider's own words, the steps tried, and what to do next. */
export function ErrorNotice({
  error,
  onRetry,
  onOpenOptions,
  onSwitchModel,
  onCapture,
}: ErrorNoticeProps) {
  const advice = adviceFor(error);
  const detail = error.details.providerMessage;
  return (
    <div class="error" role="alert">
      <p class="error-sentence">{advice.sentence}</p>
      {detail && detail !== advice.sentence && <p class="error-detail">{detail}</p>}
      {error.details.steps && error.details.steps.length > 0 && (
        <details>
          <summary>{t('whatIrisTried')}</summary>
          <ul>
            {error.details.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="actions">
        {advice.actions.map((action) => {
          if (action.kind === 'link') {
            return (
              <a
                key={action.label}
                class="button"
                href={action.href}
                target="_blank"
                rel="noopener noreferrer"
              >
                {action.label}
              </a>
            );
          }
          if (action.kind === 'switch-model' && !onSwitchModel) return null;
          if (action.kind === 'capture' && !onCapture) return null;
          const onClick =
            action.kind === 'retry'
              ? onRetry
              : action.kind === 'switch-model'
                ? onSwitchModel
                : action.kind === 'capture'
                  ? onCapture
                  : () => onOpenOptions(action.field);
          return (
            <button key={action.label} type="button" onClick={onClick}>
              {action.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
