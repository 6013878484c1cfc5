import type { SerializedIrisError } from '../errors';

/** Where the image of a job came from (what the context menu told us). */
export interface ImageSource {
  /** The image's address, when the menu gave one. */
  srcUrl?: string;
  /** An element remembered in the frame's isolated world (a picked canvas, background, video…). */
  targetId?: string;
  pageUrl?: string;
  tabId?: number;
  frameId?: number;
  incognito?: boolean;
}

export type JobStatus = 'acquiring' | 'requesting' | 'streaming' | 'done' | 'error' | 'stopped';

export interface JobUsage {
  promptTokens?: number;
  completionTokens?: number;
  cost?: number;
}

/** One request to the model and everything the popup shows about it. */
export interface Job {
  id: string;
  task: 'describe';
  prompt: string;
  source: ImageSource;
  /** How the image travelled, once known. */
  transport?: 'url' | 'data';
  /** A small image the popup can show (the URL itself, or a ≤ 160 px data URL). */
  thumbnail?: string;
  status: JobStatus;
  text: string;
  /** The model that answered (from the stream), else the one asked. */
  model: string;
  usage?: JobUsage;
  finishReason?: string;
  error?: SerializedIrisError;
  createdAt: number;
  updatedAt: number;
}

export const ACTIVE_STATUSES: readonly JobStatus[] = ['acquiring', 'requesting', 'streaming'];

export function isActive(job: Job | null | undefined): boolean {
  return !!job && ACTIVE_STATUSES.includes(job.status);
}
