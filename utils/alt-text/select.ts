import { isJunkAlt } from './junk-alt';

/** What the content script knows about one <img>, read from the DOM. */
export interface ImageFacts {
  src: string;
  /** The alt attribute, or null when it is missing. */
  alt: string | null;
  role: string | null;
  /** aria-hidden="true" on the image or an ancestor. */
  hidden: boolean;
  /** Rendered size in CSS pixels (0 before it is laid out). */
  width: number;
  height: number;
  /** Rendered and not transparent/hidden by CSS. */
  visible: boolean;
  /** The alt is shared by many different images (see repeatedAlts). */
  repeatedAlt: boolean;
}

export type Verdict =
  | { take: true; why: 'missing' | 'junk' }
  | { take: false; why: 'decorative' | 'good' | 'tiny' | 'invisible' | 'no-src' };

/** Images smaller than this on either side are icons or spacers. */
export const MIN_SIDE_PX = 48;

/**
 * Whether auto mode writes an alt for this image. The author's word wins: alt="",
 * role="presentation"/"none" and aria-hidden mean decorative, and are never touched.
 */
export function judgeImage(facts: ImageFacts): Verdict {
  const role = facts.role?.trim().toLowerCase();
  if (facts.alt === '' || role === 'presentation' || role === 'none' || facts.hidden) {
    return { take: false, why: 'decorative' };
  }
  if (facts.alt !== null && !facts.repeatedAlt && !isJunkAlt(facts.alt)) {
    return { take: false, why: 'good' };
  }
  if (!facts.src || !/^(https?|data|blob):/i.test(facts.src)) return { take: false, why: 'no-src' };
  if (!facts.visible) return { take: false, why: 'invisible' };
  if (facts.width < MIN_SIDE_PX || facts.height < MIN_SIDE_PX) return { take: false, why: 'tiny' };
  return { take: true, why: facts.alt === null ? 'missing' : 'junk' };
}
