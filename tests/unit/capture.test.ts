import { describe, expect, it } from 'vitest';
import { captureRegion } from '../../utils/capture';
import { IrisError } from '../../utils/errors';

const tab = { id: 7, windowId: 1, index: 0, active: true, incognito: false } as never;

/** captureRegion with an executeScript that refuses the way Chrome does. */
async function refusal(message: string): Promise<IrisError> {
  const error = await captureRegion(tab, {
    maxSide: 2048,
    executeScript: (() => Promise.reject(new Error(message))) as never,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IrisError);
  return error as IrisError;
}

describe('captureRegion refused by the browser', () => {
  it('a web page Iris was not invoked on: says how to grant it (shortcut or toolbar button)', async () => {
    const error = await refusal(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    );
    expect(error.code).toBe('capture-failed');
    expect(error.message).toMatch(/Alt\+Shift\+S.*toolbar button/);
  });

  it('a browser page: says extensions cannot capture it', async () => {
    const error = await refusal('Cannot access a chrome:// URL');
    expect(error.code).toBe('capture-failed');
    expect(error.message).toMatch(/browser pages and extension stores/);
  });

  it('no tab: says so', async () => {
    const error = await captureRegion(undefined, { maxSide: 2048 }).catch((e: unknown) => e);
    expect((error as IrisError).code).toBe('capture-failed');
  });
});
