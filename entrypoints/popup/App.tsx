import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JobView } from '../../components/JobView';
import { currentJobItem } from '../../utils/jobs/job-store';
import type { Job } from '../../utils/jobs/types';
import { sendMessage } from '../../utils/messaging';
import { apiKeySetting } from '../../utils/settings';
import { clearBadge } from '../../utils/toolbar';

function openOptions() {
  void browser.runtime.openOptionsPage().then(() => window.close());
}

/** The popup: the current or last job, live from `storage.session`. */
export function App() {
  const [job, setJob] = useState<Job | null | undefined>(undefined);
  const [hasKey, setHasKey] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    void currentJobItem.getValue().then(setJob);
    void apiKeySetting.getValue().then((key) => setHasKey(!!key.trim()));
    void clearBadge();
    const unwatchJob = currentJobItem.watch(setJob);
    const unwatchKey = apiKeySetting.watch((key) => setHasKey(!!key.trim()));
    return () => {
      unwatchJob();
      unwatchKey();
    };
  }, []);

  const report = (error: unknown) => console.error('Iris popup:', error);
  return (
    <main>
      <h1>Iris</h1>
      {job === undefined || hasKey === undefined ? null : job ? (
        <JobView
          job={job}
          onStop={() => void sendMessage('stopJob', { id: job.id }).catch(report)}
          onRetry={() => void sendMessage('retryJob', { id: job.id }).catch(report)}
          onOpenOptions={openOptions}
          onSwitchModel={() =>
            void sendMessage('switchModelAndRetry', { id: job.id }).catch(report)
          }
        />
      ) : hasKey ? (
        <p class="empty">Right-click any image on a web page and choose “Describe image”.</p>
      ) : (
        <div class="empty">
          <p>Iris needs your OpenRouter API key before it can describe images.</p>
          <button type="button" onClick={openOptions}>
            Enter API key
          </button>
        </div>
      )}
    </main>
  );
}
