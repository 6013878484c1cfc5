import { defineBackground } from 'wxt/utils/define-background';
import { createJobRunner } from '../utils/jobs/run-job';
import { registerMenus } from '../utils/menus';
import { registerHandlers } from '../utils/messaging';
import { restrictStorageToExtension } from '../utils/storage-access';
import { showJobOnBadge } from '../utils/toolbar';

export default defineBackground(() => {
  const runner = createJobRunner({ onProgress: showJobOnBadge });
  registerMenus(runner);
  registerHandlers({
    stopJob: ({ id }) => runner.stop(id),
    retryJob: async ({ id }) => {
      void runner.retry(id);
      return true;
    },
  });
  void restrictStorageToExtension();
  void runner.recoverInterrupted();
});
