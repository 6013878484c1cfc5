import { useEffect, useState } from 'preact/hooks';
import { AltTextSwitch } from '../../components/AltTextSwitch';
import { JobView } from '../../components/JobView';
import { useCurrentJob } from '../../components/use-current-job';
import { t } from '../../utils/i18n';
import { isActive } from '../../utils/jobs/types';
import { sendMessage } from '../../utils/messaging';
import { switchToImageModel } from '../../utils/model-switch';
import { type OptionsField, openOptionsAt } from '../../utils/options-focus';
import { apiKeySetting } from '../../utils/settings';
import { clearBadge } from '../../utils/toolbar';

function report(error: unknown) {
  console.error('Iris popup:', error);
}

/** Options (at `field`, when a next step names one); the popup makes way for it. */
function openOptions(field?: OptionsField) {
  void openOptionsAt(field).then(() => window.close(), report);
}

/** Region capture in the page: the popup closes so the page gets the keyboard and mouse. */
function capture() {
  void sendMessage('captureRegion', {}).catch((error: unknown) =>
    console.error('Iris popup:', error),
  );
  window.close();
}

/**
 * "Switch to an image-capable model and retry": the model is chosen and saved here (the
 * model list is the options page's too, and has no business in the service worker), then
 * the background runs the job again, reading the new model.
 */
async function switchModelAndRetry(id: string) {
  await switchToImageModel();
  await sendMessage('retryJob', { id });
}

/** The popup: the current or last job, live from `storage.session`. */
export function App() {
  const job = useCurrentJob();
  const [hasKey, setHasKey] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    void apiKeySetting.getValue().then((key) => setHasKey(!!key.trim()));
    void clearBadge();
    const unwatchKey = apiKeySetting.watch((key) => setHasKey(!!key.trim()));
    return () => {
      unwatchKey();
    };
  }, []);

  // A job shown as running may belong to a background that was stopped mid-stream: asking
  // wakes the background, which ends such a job as interrupted (text kept, Retry offered).
  const running = isActive(job);
  useEffect(() => {
    if (!running) return;
    const check = () => void sendMessage('checkJob', {}).catch(report);
    check();
    const timer = setInterval(check, 3000);
    return () => clearInterval(timer);
  }, [running]);

  return (
    <main>
      <h1>{t('extName')}</h1>
      {/* A job shows as soon as it is read: whether a key is set matters only without one. */}
      {job ? (
        <JobView
          job={job}
          onStop={() => void sendMessage('stopJob', { id: job.id }).catch(report)}
          onRetry={() => void sendMessage('retryJob', { id: job.id }).catch(report)}
          onOpenOptions={openOptions}
          onSend={(question) =>
            sendMessage('sendQuestion', { id: job.id, question }).catch((error: unknown) => {
              report(error);
              return null;
            })
          }
          onRemoveImage={(index) =>
            void sendMessage('removeImage', { id: job.id, index }).catch(report)
          }
          onNewQuestion={() => void sendMessage('newQuestion', {}).catch(report)}
          onCapture={capture}
          onSwitchModel={() =>
            // No model list (offline) or no image-capable model in it: the user picks one
            // in Options rather than nothing happening.
            void switchModelAndRetry(job.id).catch((error: unknown) => {
              report(error);
              openOptions('model');
            })
          }
        />
      ) : job === undefined || hasKey === undefined ? null : hasKey ? (
        <div class="empty">
          <p>{t('popupHint')}</p>
          <button type="button" onClick={capture}>
            {t('popupCaptureAndAsk')}
          </button>
        </div>
      ) : (
        <div class="empty">
          <p>{t('errorNoApiKey')}</p>
          <button type="button" onClick={() => openOptions('api-key')}>
            {t('enterApiKey')}
          </button>
        </div>
      )}
      <AltTextSwitch />
    </main>
  );
}
