import { defineContentScript } from 'wxt/utils/define-content-script';
import { runAltTextContentScript } from '../utils/alt-text/content-main';

/**
 * Auto alt text. Never in the manifest: the background registers it at runtime for the
 * sites the user opted in (utils/alt-text/sites.ts), and injects it for one pass on the
 * keyboard command. No `matches` here, so WXT adds no host permission for it.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    void runAltTextContentScript().catch((error: unknown) =>
      console.warn('Iris: alt text could not start on this page', error),
    );
  },
});
