import type { IrisErrorCode, SerializedIrisError } from '../utils/errors';
import { t } from '../utils/i18n';

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

const RETRY: NextAction = { kind: 'retry', label: t('tryAgain') };
const PICK_MODEL: NextAction = { kind: 'options', label: t('actionChooseModel') };

const ADVICE: Record<IrisErrorCode, Advice> = {
  'no-api-key': {
    sentence: t('errorNoApiKey'),
    actions: [{ kind: 'options', label: t('enterApiKey') }],
  },
  'invalid-key': {
    sentence: t('errorInvalidKey'),
    actions: [{ kind: 'options', label: t('actionNewApiKey') }],
  },
  'insufficient-credits': {
    sentence: t('errorNoCredits'),
    actions: [
      { kind: 'link', label: t('actionAddCredits'), href: 'https://openrouter.ai/credits' },
      { kind: 'options', label: t('actionFreeModel') },
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
      { kind: 'options', label: t('actionChooseImageModel') },
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
    actions: [{ kind: 'options', label: t('actionAllowPrivate') }],
  },
  'site-blocked': {
    sentence: t('errorSiteBlocked'),
    actions: [{ kind: 'options', label: t('actionEditNeverSites') }],
  },
  'insecure-endpoint': {
    sentence: t('errorInsecureEndpoint'),
    actions: [{ kind: 'options', label: t('actionFixEndpoint') }],
  },
};

const ENDPOINT_SETTINGS: NextAction = { kind: 'options', label: t('actionEndpointSettings') };

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
      return { sentence: t('errorEndpointKey', host), actions: [ENDPOINT_SETTINGS] };
    case 'insufficient-credits':
      return { sentence: t('errorEndpointCredits', host), actions: [ENDPOINT_SETTINGS] };
    case 'moderated':
      return { sentence: t('errorEndpointRefused', host), actions: [ENDPOINT_SETTINGS] };
    case 'network':
      return { sentence: t('errorEndpointUnreachable', host), actions: [RETRY, ENDPOINT_SETTINGS] };
    case 'bad-model':
      // A 404 there is as often a base URL missing its /v1 as an unknown model.
      return {
        sentence: t(status === 404 ? 'errorEndpointNotFound' : 'errorEndpointBadModel', host),
        actions: [ENDPOINT_SETTINGS],
      };
    case 'model-cannot-see-images':
      return { sentence: t('errorEndpointCannotSeeImages', host), actions: [ENDPOINT_SETTINGS] };
    default: {
      // The rest keep their sentence; "Choose another model" means the endpoint's model.
      const advice = ADVICE[code];
      return advice && { ...advice, actions: advice.actions.map(endpointAction) };
    }
  }
}

function endpointAction(action: NextAction): NextAction {
  return action === PICK_MODEL ? ENDPOINT_SETTINGS : action;
}

/** The sentence and next actions the popup shows for an error. */
export function adviceFor(error: SerializedIrisError): Advice {
  const host = error.details.endpoint;
  const advice =
    (host && endpointAdvice(error.code, host, error.details.status)) ||
    ADVICE[error.code] ||
    ADVICE.internal;
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
    return { ...advice, sentence: error.message };
  }
  return advice;
}
