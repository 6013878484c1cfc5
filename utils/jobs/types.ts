import type { SerializedIrisError } from '../errors';

/** Where an image of a job came from (what the context menu or a capture told us). */
export interface ImageSource {
  /** The image's address, when the menu gave one. */
  srcUrl?: string;
  /** An element remembered in the frame's isolated world (a picked canvas, background, video…). */
  targetId?: string;
  pageUrl?: string;
  tabId?: number;
  frameId?: number;
  incognito?: boolean;
  /** Firefox only: the clicked element, for menus.getTargetElement. */
  targetElementId?: number;
}

/** One image of a job, as the popup shows it. The bytes, once read, live in payload-store. */
export interface JobImage {
  source: ImageSource;
  /** A small picture the popup can show (the URL itself, or a ≤ 160 px data URL). */
  thumbnail?: string;
  /** How the image travelled, once known. */
  transport?: 'url' | 'data';
}

/**
 * `draft`: images collected, question not sent yet (Ask about this image…, Add to question,
 * a captured region).
 */
export type JobStatus =
  | 'draft'
  | 'acquiring'
  | 'requesting'
  | 'streaming'
  | 'done'
  | 'error'
  | 'stopped';

export interface JobUsage {
  promptTokens?: number;
  completionTokens?: number;
  cost?: number;
}

/** An earlier question and its answer, in a conversation about the job's images. */
export interface Turn {
  question: string;
  answer: string;
  model?: string;
}

/** One conversation with the model about one or more images, and what the popup shows. */
export interface Job {
  id: string;
  task: 'describe' | 'ask' | 'alt-text';
  images: JobImage[];
  /** Earlier turns; the first question carried the images, the later ones are text. */
  turns: Turn[];
  /** The current question. */
  prompt: string;
  /** A system prompt other than the default one (alt text asks for plain text). */
  system?: string;
  /** Alt text: the cleaned-up alt, once written to the page (or why it was not). */
  altText?: { text: string; written: boolean };
  status: JobStatus;
  /** The current answer (streaming or final). */
  text: string;
  /** The model that answered (from the stream), else the one asked. */
  model: string;
  usage?: JobUsage;
  finishReason?: string;
  /** Waiting to try again after a 429/503: when, and which retry of how many. */
  retry?: { at: number; attempt: number; of: number };
  error?: SerializedIrisError;
  createdAt: number;
  updatedAt: number;
}

export const ACTIVE_STATUSES: readonly JobStatus[] = ['acquiring', 'requesting', 'streaming'];

export function isActive(job: Job | null | undefined): boolean {
  return !!job && ACTIVE_STATUSES.includes(job.status);
}
