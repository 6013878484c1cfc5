import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerAltTextCommands } from '../utils/alt-text/commands';
import { finishAltTextJob } from '../utils/alt-text/menu-alt';
import { createAltTextService } from '../utils/alt-text/service';
import { restoreAltTextScript, setAltTextSite } from '../utils/alt-text/site-switch';
import { createJobRunner } from '../utils/jobs/run-job';
import { registerMenus } from '../utils/menus';
import { registerHandlers } from '../utils/messaging';
import { restrictStorageToExtension } from '../utils/storage-access';
import { showJobOnBadge } from '../utils/toolbar';

export default defineBackground(() => {
  const runner = createJobRunner({ onProgress: showJobOnBadge, onDone: finishAltTextJob });
  const altText = createAltTextService();
  registerMenus(runner);
  registerAltTextCommands(runner);
  registerHandlers(
    {
      stopJob: ({ id }) => runner.stop(id),
      retryJob: async ({ id }) => {
        void runner.retry(id);
        return true;
      },
      setAltTextSite: ({ site, enabled }) => setAltTextSite(site, enabled),
      getAltTextConfig: (_data, sender) => altText.getConfig(sender),
      requestAltText: (data, sender) => altText.requestAltText(data, sender),
      reportAltTextCap: ({ scope }, sender) => altText.reportCap(scope, sender),
    },
    { isAllowedContentScript: altText.isAllowedSender },
  );
  browser.runtime.onStartup.addListener(() => void restoreAltTextScript());
  void restrictStorageToExtension();
  void runner.recoverInterrupted();
});
