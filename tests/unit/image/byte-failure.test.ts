import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IrisError } from '../../../utils/errors';
import {
  chainFailure,
  ImageTimeoutError,
  REASONS,
  reasonOf,
} from '../../../utils/image/byte-failure';

const CAPTURE = 'Capturing it from the screen: the page shows no picture there (it did not load)';
const both = (reason: string) => [
  `Fetching it inside the page: ${reason}`,
  `Downloading it from Iris: ${reason}`,
  CAPTURE,
];

describe('chainFailure: every step failed, the sentence says what one of them learnt', () => {
  it.each([
    ['404', both('HTTP 404'), [], 'image-unreachable', '“not found” (HTTP 404)'],
    ['410', both('HTTP 410'), [], 'image-unreachable', '“not found” (HTTP 410)'],
    ['403', both('HTTP 403'), [], 'image-unreachable', 'refused to hand it over (HTTP 403)'],
    ['500', both('HTTP 500'), [], 'image-unreachable', 'answered with an error (HTTP 500)'],
    ['a redirect loop', both(REASONS.redirects), [], 'image-unreachable', 'redirects in circles'],
    ['a reset', both(REASONS.brokeOff), [], 'image-unreachable', 'broke off'],
    ['60 MB and more', both(REASONS.tooLarge), [], 'image-too-large', 'over 60 MB'],
    [
      'a released blob:',
      [`Fetching it inside the page: ${REASONS.blobGone}`, CAPTURE],
      [],
      'image-unreachable',
      'blob:',
    ],
    [
      'nothing telling',
      both('Failed to fetch'),
      [],
      'image-unreachable',
      'Iris could not get this image from the page.',
    ],
  ])('%s', (_name, tried, errors, code, words) => {
    const error = chainFailure(tried, errors);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
    expect(error.details.steps).toEqual(tried);
  });

  it('a picture in a frame closed to Iris, its server closed too: capture a region instead', () => {
    const closed =
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';
    const tried = [
      `Fetching it inside the page: ${reasonOf(new Error(closed))}`,
      `Downloading it from Iris: ${reasonOf(new TypeError('Failed to fetch'))}`,
      `Capturing it from the screen: ${reasonOf(new Error(closed))}`,
    ];
    expect(tried[0]).toBe(
      'Fetching it inside the page: the browser keeps this frame or page closed to Iris (a frame from another site than the tab, or a page extensions may not read)',
    );
    const error = chainFailure(tried, []);
    expect(error.message).toMatch(
      /^The browser keeps this picture closed to Iris.*Capture a region around it instead\.$/,
    );
    expect(error.details.capture).toBe(true);
    // Its server's own answer, when it gave one, says more.
    const missing = chainFailure([tried[0] as string, 'Downloading it from Iris: HTTP 404'], []);
    expect(missing.message).toContain('HTTP 404');
    expect(missing.details.capture).toBeUndefined();
  });

  it('a timeout wins over the capture that found nothing, and names the seconds', () => {
    const tried = ['Fetching it inside the page: no complete answer within 3 s', CAPTURE];
    const error = chainFailure(tried, [new ImageTimeoutError(3), new Error('no picture')]);
    expect(error.message).toBe(
      'The image’s server did not answer within 3 s. Check that the page still shows it, then try again.',
    );
  });

  it('an error of Iris’s own (a malformed data: URL) keeps its code and sentence', () => {
    const own = new IrisError('unsupported-image', 'The data: URL is malformed.');
    const error = chainFailure(
      ['Reading the data: URL: The data: URL is malformed.', CAPTURE],
      [own, new Error('no picture')],
    );
    expect([error.code, error.message]).toEqual([
      'unsupported-image',
      'The data: URL is malformed.',
    ]);
    expect(error.details.steps).toHaveLength(2);
  });
});

describe('the page’s fetch (a page script that imports nothing, so it repeats REASONS)', () => {
  const source = readFileSync('utils/page/fetch-in-page.ts', 'utf8');
  it.each(['redirects', 'brokeOff', 'blobGone'] as const)('words %s as REASONS does', (key) => {
    expect(source).toContain(REASONS[key]);
  });
});
