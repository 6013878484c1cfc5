import { browser } from 'wxt/browser';

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
    console.info('Iris: storage.local access level not supported here', error);
  }
}
