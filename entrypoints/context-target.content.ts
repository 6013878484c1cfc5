import { defineContentScript } from 'wxt/utils/define-content-script';
import { rememberContextTargets } from '../utils/page/context-target';

/**
 * Remembers what was right-clicked, so no pick is needed. Never in the manifest: the
 * background registers it on every site only once the user granted access to all sites
 * (utils/context-listener.ts). No `matches` here, so WXT adds no host permission.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    rememberContextTargets();
  },
});
