import { browser } from 'wxt/browser';
import { rasterizeSvgInDocument } from '../../utils/image/svg-raster';
import {
  isOffscreenRequest,
  type OffscreenData,
  type OffscreenReply,
  replyError,
} from '../../utils/offscreen/protocol';

// Chrome's offscreen document: DOM work for the service worker (utils/offscreen/client.ts).
// Answers through sendResponse (`return true`): Chrome ignores a returned promise.
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isOffscreenRequest(message) || sender.id !== browser.runtime.id) return undefined;
  if (message.type !== 'rasterizeSvg') return undefined;
  const { svg, width, height } = message.data as OffscreenData<'rasterizeSvg'>;
  void rasterizeSvgInDocument(svg, width, height)
    .then((value): OffscreenReply => ({ ok: true, value }), replyError)
    .then(sendResponse);
  return true;
});
