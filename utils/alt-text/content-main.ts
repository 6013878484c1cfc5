import { type AltTextReply, sendMessage } from '../messaging';
import { type AutoAltController, startAutoAlt } from './auto';

type Scope = { __irisAltText?: AutoAltController };

/**
 * The alt-text content script's work: runs once per frame (a second injection — the
 * keyboard command on a page where auto mode already runs — does nothing), asks the
 * background for its settings, then runs auto mode or one pass.
 */
export async function runAltTextContentScript(scope: Scope = globalThis as Scope): Promise<void> {
  if (scope.__irisAltText) return;
  // Claim the frame before the first await, so two quick injections cannot both start.
  scope.__irisAltText = { stop: () => undefined, idle: () => Promise.resolve() };
  const config = await sendMessage('getAltTextConfig', { pageUrl: location.href });
  const controller = startAutoAlt({
    doc: document,
    config,
    request: (srcUrl): Promise<AltTextReply> =>
      sendMessage('requestAltText', { srcUrl, pageUrl: location.href }),
    reportCap: async (capScope) => {
      await sendMessage('reportAltTextCap', { scope: capScope });
    },
  });
  scope.__irisAltText = controller;
  if (config.once) {
    await controller.idle();
    controller.stop();
    // Let the command run again later on this page.
    scope.__irisAltText = undefined;
  }
}
