/**
 * Chrome dispatches a menu click to the extension a moment before it grants `activeTab`
 * for the tab (seen with page-context clicks): an injection made at once is refused. Retry
 * that refusal for a short while; any other error, or a refusal that lasts, is thrown.
 */
export async function whenGranted<T>(inject: () => Promise<T>, waitMs = 1000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await inject();
    } catch (error) {
      const refused = /Cannot access contents|must request permission/i.test(String(error));
      if (!refused || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
