import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createActions } from '../utils/actions';
import { registerAltTextCommands } from '../utils/alt-text/commands';
import { finishAltTextJob } from '../utils/alt-text/menu-alt';
import { createAltTextService } from '../utils/alt-text/service';
import { restoreAltTextScript, setAltTextSite } from '../utils/alt-text/site-switch';
import { activeTab, registerCommands } from '../utils/commands';
import { registerContextListener } from '../utils/context-listener';
import { recordJob } from '../utils/history';
import { createLiveJobs } from '../utils/jobs/live-job';
import { createJobRunner } from '../utils/jobs/run-job';
import { logFailure } from '../utils/log';
import { registerMenus } from '../utils/menus';
import { registerHandlers } from '../utils/messaging';
import { registerPresetMenus } from '../utils/preset-menus';
import { registerSettingsMigrations } from '../utils/settings-migrations';
import { restrictStorageToExtension } from '../utils/storage-access';
import { createJobBadge, releasePopups } from '../utils/toolbar';

/** Lets a long task run on after the message is answered; its outcome lands on the job. */
function started(task: Promise<unknown>): true {
  task.catch(logFailure('a task failed', 'error'));
  return true;
}

export default defineBackground(() => {
  const live = createLiveJobs();
  live.register();
  const badge = createJobBadge();
  const runner = createJobRunner({
    onProgress: (job) => {
      live.push(job);
      badge(job);
      releasePopups(job);
    },
    onDone: finishAltTextJob,
    onFinished: recordJob,
  });
  const actions = createActions(runner);
  const altText = createAltTextService();
  registerSettingsMigrations();
  registerMenus(actions);
  registerPresetMenus(runner, actions.findUnnamedImage);
  registerCommands(actions);
  registerContextListener();
  registerAltTextCommands(runner);
  registerHandlers(
    {
      stopJob: ({ id }) => runner.stop(id),
      // Long-running ones answer at once: the popup follows the job in storage.
      retryJob: ({ id }) => started(runner.retry(id)),
      sendQuestion: ({ id, question }) => started(runner.send(id, question)),
      removeImage: async ({ id, index }) => !!(await runner.removeFromDraft(id, index)),
      newQuestion: async () => !!(await runner.addToDraft([], true)),
      captureRegion: async () => started(actions.captureAndAsk(await activeTab())),
      checkJob: () => runner.recoverInterrupted(),
      setAltTextSite: ({ site, enabled }) => setAltTextSite(site, enabled),
      getAltTextConfig: (_data, sender) => altText.getConfig(sender),
      requestAltText: (data, sender) => altText.requestAltText(data, sender),
      reportAltTextCap: ({ scope }, sender) => altText.reportCap(scope, sender),
    },
    { isAllowedContentScript: altText.isAllowedSender },
  );
  // On update too: the registration must name this version's file.
  const restore = () =>
    restoreAltTextScript().catch(logFailure('could not restore the auto alt text script'));
  browser.runtime.onStartup.addListener(() => void restore());
  browser.runtime.onInstalled.addListener(() => void restore());
  void restrictStorageToExtension();
  void runner.recoverInterrupted();
});
