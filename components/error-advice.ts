import type { IrisErrorCode, SerializedIrisError } from '../utils/errors';

export type NextAction =
  | { kind: 'options'; label: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'retry'; label: string }
  /** Switch to an image-capable model and ask again, in one click. */
  | { kind: 'switch-model'; label: string };

export interface Advice {
  /** One sentence: what happened, in the user's terms. */
  sentence: string;
  /** What to do next. */
  actions: NextAction[];
}

const RETRY: NextAction = { kind: 'retry', label: 'Try again' };
const PICK_MODEL: NextAction = { kind: 'options', label: 'Choose another model' };

const ADVICE: Record<IrisErrorCode, Advice> = {
  'no-api-key': {
    sentence: 'Iris needs your OpenRouter API key before it can describe images.',
    actions: [{ kind: 'options', label: 'Enter API key' }],
  },
  'invalid-key': {
    sentence: 'OpenRouter did not accept your API key: it is wrong, disabled or expired.',
    actions: [{ kind: 'options', label: 'Enter a new API key' }],
  },
  'insufficient-credits': {
    sentence: 'Your OpenRouter account is out of credits.',
    actions: [
      { kind: 'link', label: 'Add credits', href: 'https://openrouter.ai/credits' },
      { kind: 'options', label: 'Pick a free model' },
    ],
  },
  'bad-model': {
    sentence: 'The model name in Options is not one the service knows.',
    actions: [PICK_MODEL],
  },
  'model-cannot-see-images': {
    sentence: 'The chosen model cannot read images.',
    actions: [
      { kind: 'switch-model', label: 'Switch to an image-capable model and retry' },
      { kind: 'options', label: 'Choose an image-capable model' },
    ],
  },
  moderated: {
    sentence: 'The provider refused this request under its content rules.',
    actions: [PICK_MODEL],
  },
  'rate-limited': {
    sentence: 'Too many requests right now: the service asked Iris to slow down.',
    actions: [RETRY],
  },
  timeout: { sentence: 'The model took too long to answer.', actions: [RETRY, PICK_MODEL] },
  network: { sentence: 'The connection to the model’s server failed.', actions: [RETRY] },
  provider: {
    sentence: 'The model’s provider had a problem and could not answer.',
    actions: [RETRY, PICK_MODEL],
  },
  'image-unreachable': {
    sentence: 'Iris could not get this image from the page.',
    actions: [RETRY],
  },
  'image-too-large': {
    sentence: 'The image is too large to send, even after shrinking it.',
    actions: [],
  },
  'unsupported-image': { sentence: 'This file is not an image Iris can read.', actions: [] },
  'no-image': { sentence: 'There is no image to ask about yet: add one first.', actions: [] },
  'capture-failed': { sentence: 'Iris could not capture this part of the screen.', actions: [] },
  'bad-request': { sentence: 'The service rejected the request.', actions: [RETRY, PICK_MODEL] },
  'bad-response': { sentence: 'The model’s answer could not be read.', actions: [RETRY] },
  'content-filter': {
    sentence: 'The provider’s content filter stopped the answer.',
    actions: [PICK_MODEL],
  },
  stopped: { sentence: 'You stopped this answer.', actions: [RETRY] },
  interrupted: {
    sentence: 'Iris was interrupted before the answer was complete.',
    actions: [RETRY],
  },
  'no-focused-image': {
    sentence:
      'No image has keyboard focus. Move focus to an image, or to a link around one, and press the shortcut again.',
    actions: [],
  },
  internal: { sentence: 'Something went wrong inside Iris.', actions: [RETRY] },
  'private-window': {
    sentence: 'Iris is off in private windows, so nothing was sent.',
    actions: [{ kind: 'options', label: 'Allow Iris in private windows' }],
  },
  'site-blocked': {
    sentence: 'This site is on your list of sites where Iris never runs, so nothing was sent.',
    actions: [{ kind: 'options', label: 'Edit the never-run sites' }],
  },
  'insecure-endpoint': {
    sentence: 'Iris only talks to a custom endpoint over https, or over http on this computer.',
    actions: [{ kind: 'options', label: 'Fix the endpoint address' }],
  },
};

/** The sentence and next actions the popup shows for an error. */
export function adviceFor(error: SerializedIrisError): Advice {
  const advice = ADVICE[error.code] ?? ADVICE.internal;
  if (error.code === 'rate-limited' && error.details.retryAfterSeconds) {
    return {
      ...advice,
      sentence: `${advice.sentence} Try again in ${error.details.retryAfterSeconds} s.`,
    };
  }
  if (
    (error.code === 'image-unreachable' ||
      error.code === 'unsupported-image' ||
      error.code === 'image-too-large') &&
    error.message
  ) {
    return {
      ...advice,
      sentence:
        error.message === 'Iris could not read this image.' ? advice.sentence : error.message,
    };
  }
  return advice;
}
