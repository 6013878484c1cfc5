import { type Inject, runInPage } from '../page/run-in-page';
import { planShrink } from '../page/shrink-in-page';
import { parseDataUrl } from './data-url';
import { JPEG_QUALITY } from './encode';
import { MAX_IMAGE_BYTES } from './normalize';
import { markOwnEncode } from './own-encodes';

/**
 * A page-context fetch larger than this keeps the image in the page and sends only its
 * header: moving megabytes out of a page (an `executeScript` result) takes seconds — about as
 * long as decoding the image. 12 MP photo: 11.6 MB of base64, 2–4 s on a loaded machine.
 */
export const HOLD_ABOVE_BYTES = 1_000_000;

export interface HeldImage {
  /** Which of the images the frame holds (several may be fetched at once). */
  id: string;
  size: number;
  /** A data: URL of the first bytes: enough to sniff the type and read the dimensions. */
  head: string;
  /** The page tried to shrink it and could not decode it. */
  shrinkFailed?: true;
}

export type HeldTarget = { tabId: number; frameIds: number[] };

/**
 * The bytes of an image a frame holds: a photo that must shrink anyway is decoded at its
 * final size in the page (planShrink: normalize's rules) and comes out as a JPEG of a few
 * hundred KB; anything else comes whole. A pixel bomb is not fetched at all (the frame
 * drops it): its header is enough for normalize to refuse it.
 */
export async function readHeldImage(
  held: HeldImage,
  target: HeldTarget,
  maxSide: number,
  inject: Inject,
): Promise<Uint8Array> {
  const head = parseDataUrl(held.head);
  const plan = planShrink(head, held.size, { maxSide, maxBytes: MAX_IMAGE_BYTES });
  if (plan.kind === 'bomb') {
    // The header is enough for normalize to refuse it: the frame lets go of the rest.
    await runInPage(inject, {
      target,
      file: '/page-image.js',
      name: 'dropHeldImageInPage',
      args: [held.id],
    }).catch((error: unknown) => console.warn('Iris: could not release a held image', error));
    return head;
  }
  // A photo the page already failed to shrink comes whole: normalize says what is wrong.
  const shrink =
    plan.kind === 'shrink' && !held.shrinkFailed
      ? { type: plan.type, full: plan.full, size: plan.size }
      : null;
  const [injection] = await runInPage(inject, {
    target,
    file: '/page-image.js',
    name: 'readHeldImageInPage',
    args: [held.id, shrink, JPEG_QUALITY],
  });
  const result = injection?.result;
  if (!result) throw new Error('the page did not answer');
  if (!result.ok) throw new Error(result.error);
  const bytes = parseDataUrl(result.dataUrl);
  return shrink ? markOwnEncode(bytes) : bytes;
}
