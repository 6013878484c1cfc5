import { defineBackground } from 'wxt/utils/define-background';
import { recordJob } from '../utils/history';
import { createJobRunner } from '../utils/jobs/run-job';
import { registerMenus } from '../utils/menus';
import { registerHandlers } from '../utils/messaging';
import { switchToImageModel } from '../utils/model-switch';
import { registerSettingsMigrations } from '../utils/settings-migrations';
import { restrictStorageToExtension } from '../utils/storage-access';
import { showJobOnBadge } from '../utils/toolbar';

export default defineBackground(() => {
  const runner = createJobRunner({ onProgress: showJobOnBadge, onFinished: recordJob });
  registerSettingsMigrations();
  registerMenus(runner);
  registerHandlers({
    stopJob: ({ id }) => runner.stop(id),
    retryJob: async ({ id }) => {
      void runner.retry(id);
      return true;
    },
    switchModelAndRetry: async ({ id }) => {
      const model = await switchToImageModel();
      void runner.retry(id);
      return model;
    },
  });
  void restrictStorageToExtension();
  void runner.recoverInterrupted();
});
