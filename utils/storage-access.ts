import { browser } from 'wxt/browser';
import { logFailure } from './log';

/**
 * Closes `storage.local` (where the API key is) to content scripts, so code injected into a
 * page can never read the key. Chrome supports this for `local` in recent versions;
 * elsewhere the call is refused, and the key stays safe because Iris injects no script
 * that reads storage.
 */
export async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as {
    setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
  };
  if (!local.setAccessLevel) return;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    logFailure('storage.local access level not supported here', 'info')(error);
  }
}
