import { type Browser, browser } from 'wxt/browser';
import { IrisError } from '../errors';
import type {
  OffscreenData,
  OffscreenReply,
  OffscreenRequest,
  OffscreenResult,
  OffscreenType,
} from './protocol';

const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Asks Chrome's offscreen document to do DOM work, creating the document first if needed.
 * The document stays open afterwards: it is a blank page, and closing it while another job
 * uses it would fail that job.
 */
export async function callOffscreen<K extends OffscreenType>(
  type: K,
  data: OffscreenData<K>,
): Promise<OffscreenResult<K>> {
  await ensureOffscreenDocument();
  const request: OffscreenRequest = { irisOffscreen: 1, type, data };
  const reply = (await browser.runtime.sendMessage(request)) as OffscreenReply | undefined;
  if (!reply) throw new IrisError('internal', 'The offscreen document did not answer.');
  if (!reply.ok) throw IrisError.fromJSON(reply.error);
  return reply.value as OffscreenResult<K>;
}

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Draw SVG images into PNG, which needs a DOM the service worker lacks.',
    });
  } catch (error) {
    // Two jobs at once: the other one created it first, which is what we wanted.
    if (!/single offscreen document/i.test(String(error))) throw error;
  }
}
