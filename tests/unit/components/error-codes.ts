import type { IrisErrorCode } from '../../../utils/errors';

// Every error code once: the type checker fails here when a code is added or removed.
const CODES: Record<IrisErrorCode, true> = {
  'no-api-key': true,
  'invalid-key': true,
  'insufficient-credits': true,
  'bad-model': true,
  'model-cannot-see-images': true,
  moderated: true,
  'rate-limited': true,
  timeout: true,
  network: true,
  provider: true,
  'image-unreachable': true,
  'image-too-large': true,
  'unsupported-image': true,
  'no-image': true,
  'capture-failed': true,
  'bad-request': true,
  'bad-response': true,
  'content-filter': true,
  'empty-answer': true,
  stopped: true,
  interrupted: true,
  'no-focused-image': true,
  'private-window': true,
  'site-blocked': true,
  'insecure-endpoint': true,
  internal: true,
};

export const ERROR_CODES = Object.keys(CODES) as IrisErrorCode[];
