import type { ImagePayload } from '../openrouter/body';
import * as storage from '../storage';

/**
 * The images of the current job as they go to the model, kept apart from the job itself:
 * the job is rewritten on every streamed token, these (up to megabytes) are written once.
 * Follow-up questions send them again in the first message — never a second copy.
 */
interface StoredPayloads {
  jobId: string;
  /** Index-aligned with `job.images`; null where the image is not read yet. */
  payloads: (ImagePayload | null)[];
}

const payloadsItem = storage.defineItem<StoredPayloads | null>('session:jobPayloads', {
  fallback: null,
});

export async function getPayloads(jobId: string): Promise<(ImagePayload | null)[]> {
  const stored = await payloadsItem.getValue();
  return stored?.jobId === jobId ? stored.payloads : [];
}

export async function setPayloads(jobId: string, payloads: (ImagePayload | null)[]): Promise<void> {
  await payloadsItem.setValue({ jobId, payloads });
}
