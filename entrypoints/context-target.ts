import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { rememberContextTargets } from '../utils/page/context-target';

/**
 * Remembers what was right-clicked, so no pick is needed: a content script the background
 * registers on every site only once the user granted access to all sites
 * (utils/context-listener.ts); never in the manifest. Built as an unlisted script: it needs
 * neither WXT's content-script wrapper nor the browser API (so not the polyfill either).
 */
export default defineUnlistedScript(() => {
  rememberContextTargets();
});
