import * as storage from './storage';

/**
 * A question typed in the popup and not sent yet, for one question box (`key`: the job and
 * which of its questions). A popup closes whenever it loses focus — a look at the page is
 * enough — and takes its fields with it; this brings the words back when it opens again.
 * One at a time: a box for another job or question starts from its own text.
 */
export const questionDraftItem = storage.defineItem<{ key: string; text: string } | null>(
  'session:questionDraft',
  { fallback: null },
);
