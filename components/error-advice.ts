import type { IrisErrorCode, SerializedIrisError } from '../utils/errors';
import { t } from '../utils/i18n';
import type { OptionsField } from '../utils/options-focus';

export type NextAction =
  /** Options, at the field that fixes it. */
  | { kind: 'options'; label: string; field: OptionsField }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'retry'; label: string }
  /** Switch to an image-capable model and ask again, in one click. */
  | { kind: 'switch-model'; label: string }
  /** Capture a region of the tab: the screen shows what Iris could not read. */
  | { kind: 'capture'; label: string };

export interface Advice {
  /** One sentence: what happened, in the user's terms. */
  sentence: string;
  /** What to do next. */
  actions: NextAction[];
}

const RETRY: NextAction = { kind: 'retry', label: t('tryAgain') };
const CAPTURE: NextAction = { kind: 'capture', label: t('captureRegion') };
const PICK_MODEL: NextAction = { kind: 'options', label: t('actionChooseModel'), field: 'model' };

const ADVICE: Record<IrisErrorCode, Advice> = {
  'no-api-key': {
    sentence: t('errorNoApiKey'),
    actions: [{ kind: 'options', label: t('enterApiKey'), field: 'api-key' }],
  },
  'invalid-key': {
    sentence: t('errorInvalidKey'),
    actions: [{ kind: 'options', label: t('actionNewApiKey'), field: 'api-key' }],
  },
  'insufficient-credits': {
    sentence: t('errorNoCredits'),
    actions: [
      { kind: 'link', label: t('actionAddCredits'), href: 'https://openrouter.ai/credits' },
      { kind: 'options', label: t('actionFreeModel'), field: 'model' },
    ],
  },
  'bad-model': {
    sentence: t('errorBadModel'),
    actions: [PICK_MODEL],
  },
  'model-cannot-see-images': {
    sentence: t('errorCannotSeeImages'),
    actions: [
      { kind: 'switch-model', label: t('actionSwitchModel') },
      { kind: 'options', label: t('actionChooseImageModel'), field: 'model' },
    ],
  },
  moderated: {
    sentence: t('errorModerated'),
    actions: [PICK_MODEL],
  },
  'rate-limited': {
    sentence: t('errorRateLimited'),
    actions: [RETRY],
  },
  timeout: { sentence: t('errorTimeout'), actions: [RETRY, PICK_MODEL] },
  network: { sentence: t('errorNetwork'), actions: [RETRY] },
  provider: {
    sentence: t('errorProvider'),
    actions: [RETRY, PICK_MODEL],
  },
  'image-unreachable': {
    sentence: t('errorImageUnreachable'),
    actions: [RETRY],
  },
  'image-too-large': {
    sentence: t('errorImageTooLarge'),
    actions: [],
  },
  'unsupported-image': { sentence: t('errorUnsupportedImage'), actions: [] },
  'no-image': { sentence: t('errorNoImage'), actions: [] },
  'capture-failed': { sentence: t('errorCaptureFailed'), actions: [] },
  'bad-request': { sentence: t('errorBadRequest'), actions: [RETRY, PICK_MODEL] },
  'bad-response': { sentence: t('errorBadResponse'), actions: [RETRY] },
  'content-filter': {
    sentence: t('errorContentFilter'),
    actions: [PICK_MODEL],
  },
  'empty-answer': { sentence: t('errorEmptyAnswer'), actions: [RETRY, PICK_MODEL] },
  stopped: { sentence: t('errorStopped'), actions: [RETRY] },
  interrupted: {
    sentence: t('errorInterrupted'),
    actions: [RETRY],
  },
  'no-focused-image': {
    sentence: t('errorNoFocusedImage'),
    actions: [],
  },
  internal: { sentence: t('errorInternal'), actions: [RETRY] },
  'private-window': {
    sentence: t('errorPrivateWindow'),
    actions: [{ kind: 'options', label: t('actionAllowPrivate'), field: 'private-windows' }],
  },
  'site-blocked': {
    sentence: t('errorSiteBlocked'),
    actions: [{ kind: 'options', label: t('actionEditNeverSites'), field: 'never-sites' }],
  },
  'insecure-endpoint': {
    sentence: t('errorInsecureEndpoint'),
    actions: [{ kind: 'options', label: t('actionFixEndpoint'), field: 'endpoint-url' }],
  },
};

/** "Check the endpoint settings", landing on the field that most likely needs it. */
function endpointSettings(field: OptionsField): NextAction {
  return { kind: 'options', label: t('actionEndpointSettings'), field };
}

/**
 * A custom endpoint's failures in its own terms: its key, its model, whether it runs and lets
 * Iris in — not OpenRouter's account, credits or model list.
 */
function endpointAdvice(
  code: IrisErrorCode,
  host: string,
  status: number | undefined,
): Advice | undefined {
  switch (code) {
    case 'invalid-key':
      return { sentence: t('errorEndpointKey', host), actions: [endpointSettings('endpoint-key')] };
    case 'insufficient-credits':
      return {
        sentence: t('errorEndpointCredits', host),
        actions: [endpointSettings('endpoint-key')],
      };
    case 'moderated':
      // Mostly a server that does not let the extension in (Ollama's OLLAMA_ORIGINS, whose
      // help sits under the address).
      return {
        sentence: t('errorEndpointRefused', host),
        actions: [endpointSettings('endpoint-url')],
      };
    case 'network':
      return {
        sentence: t('errorEndpointUnreachable', host),
        actions: [RETRY, endpointSettings('endpoint-url')],
      };
    case 'bad-model':
      // A 404 there is as often a base URL missing its /v1 as an unknown model.
      return {
        sentence: t(status === 404 ? 'errorEndpointNotFound' : 'errorEndpointBadModel', host),
        actions: [endpointSettings(status === 404 ? 'endpoint-url' : 'endpoint-model')],
      };
    case 'model-cannot-see-images':
      return {
        sentence: t('errorEndpointCannotSeeImages', host),
        actions: [endpointSettings('endpoint-model')],
      };
    default: {
      // The rest keep their sentence; "Choose another model" means the endpoint's model.
      const advice = ADVICE[code];
      return advice && { ...advice, actions: advice.actions.map(endpointAction) };
    }
  }
}

function endpointAction(action: NextAction): NextAction {
  return action === PICK_MODEL ? endpointSettings('endpoint-model') : action;
}

/** The sentence and next actions the popup shows for an error. */
export function adviceFor(error: SerializedIrisError): Advice {
  const host = error.details.endpoint;
  const advice =
    (host && endpointAdvice(error.code, host, error.details.status)) ||
    ADVICE[error.code] ||
    ADVICE.internal;
  // Empty at the length limit: the limit is the thing to change.
  if (error.code === 'empty-answer' && error.details.limit) {
    return {
      sentence: error.message || advice.sentence,
      actions: [
        { kind: 'options', label: t('actionLongerAnswers'), field: 'max-tokens' },
        ...advice.actions.filter((action) => action.kind !== 'retry'),
      ],
    };
  }
  if (error.code === 'rate-limited' && error.details.retryAfterSeconds) {
    return {
      ...advice,
      sentence: `${advice.sentence} ${t('errorRetryIn', error.details.retryAfterSeconds)}`,
    };
  }
  // Image and capture errors carry their own sentence, written (in the UI language) where
  // the failure was understood: which step learnt what, or how to let Iris capture a tab.
  if (
    (error.code === 'image-unreachable' ||
      error.code === 'unsupported-image' ||
      error.code === 'image-too-large' ||
      error.code === 'capture-failed') &&
    error.message
  ) {
    // A picture closed to Iris is still on screen: a region around it is the way there.
    const actions = error.details.capture ? [CAPTURE] : advice.actions;
    return { sentence: error.message, actions };
  }
  return advice;
}
