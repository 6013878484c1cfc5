import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runAltTextContentScript } from '../utils/alt-text/content-main';

/**
 * Auto alt text, a content script. Never in the manifest: the background registers it at
 * runtime for the sites the user opted in (utils/alt-text/sites.ts), and injects it for one
 * pass on the keyboard command. Built as an unlisted script: WXT's content-script wrapper
 * (ContentScriptContext, ~3 KB) would be unused weight here.
 */
export default defineUnlistedScript(() => {
  void runAltTextContentScript().catch((error: unknown) =>
    console.warn('Iris: alt text could not start on this page', error),
  );
});
