import { DEFAULT_ALT_MAX_LENGTH } from './clean';

/** Bump when the prompt changes: cached alt texts of an older prompt are not reused. */
export const ALT_PROMPT_VERSION = 1;

export const ALT_SYSTEM_PROMPT =
  'You write alt text for images on web pages, for people who use screen readers. Answer with the alt text only: plain text, no Markdown, no quotes.';

/**
 * The alt-text prompt: concise, no "image of", in the user's language, short text in the
 * image transcribed. `language` is a BCP 47 tag such as the browser's UI language.
 */
export function altTextPrompt(language: string, maxLength = DEFAULT_ALT_MAX_LENGTH): string {
  return [
    `Write alt text for this image in at most ${maxLength} characters.`,
    'Say what matters about it in one concise phrase or sentence.',
    'Do not begin with "image of", "picture of" or "photo of".',
    'If it contains short text, transcribe that text.',
    `Write in the language with the tag "${language || 'en'}".`,
  ].join(' ');
}
