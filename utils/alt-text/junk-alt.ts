/**
 * Which existing alt texts say nothing: file names, camera names, generic words. Pure, so
 * the content script and the unit tests share one table of rules.
 */
const GENERIC_WORDS = new Set([
  'image',
  'img',
  'photo',
  'photograph',
  'picture',
  'pic',
  'graphic',
  'icon',
  'logo',
  'banner',
  'thumbnail',
  'thumb',
  'untitled',
  'no title',
  'placeholder',
  'alt',
  'alt text',
  'null',
  'undefined',
  'spacer',
  'blank',
  'screenshot',
]);

const FILE_NAME = /^[\w\-.() %]+\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?|heic)$/i;
const CAMERA_NAME = /^(img|dsc|dscn|dscf|pxl|photo|image|screenshot|screen shot|p)[\s_-]?\d+/i;
const ONLY_DIGITS_OR_HASH = /^[\d\s_-]+$|^[a-f0-9]{16,}$/i;
const GENERIC_NUMBERED = /^(image|photo|picture|img|pic)\s*#?\d+$/i;

/** True when an alt text exists but tells a screen-reader user nothing about the picture. */
export function isJunkAlt(alt: string): boolean {
  const text = alt.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return false; // alt="" is the author marking the image decorative, not junk.
  if (GENERIC_WORDS.has(text)) return true;
  if (FILE_NAME.test(text)) return true;
  if (CAMERA_NAME.test(text)) return true;
  if (ONLY_DIGITS_OR_HASH.test(text)) return true;
  if (GENERIC_NUMBERED.test(text)) return true;
  if (/^https?:\/\//.test(text)) return true;
  return false;
}

/** The same alt on this many different images is a template default, not a description. */
export const REPEATED_ALT_THRESHOLD = 3;

/**
 * Counts, for each non-empty alt, on how many different image URLs it appears; an alt
 * shared by `REPEATED_ALT_THRESHOLD` or more different images is junk.
 */
export function repeatedAlts(images: { alt: string | null; src: string }[]): Set<string> {
  const urlsByAlt = new Map<string, Set<string>>();
  for (const { alt, src } of images) {
    const key = alt?.trim().toLowerCase();
    if (!key || !src) continue;
    let urls = urlsByAlt.get(key);
    if (!urls) {
      urls = new Set();
      urlsByAlt.set(key, urls);
    }
    urls.add(src);
  }
  const repeated = new Set<string>();
  for (const [alt, urls] of urlsByAlt) if (urls.size >= REPEATED_ALT_THRESHOLD) repeated.add(alt);
  return repeated;
}
