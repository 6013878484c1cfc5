import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
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
  const notInvoked =
    'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

  it('a web page Iris was not invoked on: names the shortcut the user has, or the toolbar button', async () => {
    const getAll = vi.spyOn(browser.commands, 'getAll');
    getAll.mockResolvedValue([{ name: 'capture-region', shortcut: 'Alt+Shift+R' }] as never);
    const error = await refusal(notInvoked);
    expect(error.code).toBe('capture-failed');
    expect(error.message).toMatch(/press Alt\+Shift\+R on the page.*toolbar button/);
    // The user removed the shortcut: only the toolbar button is offered.
    getAll.mockResolvedValue([{ name: 'capture-region', shortcut: '' }] as never);
    const without = await refusal(notInvoked);
    expect(without.message).not.toMatch(/press/);
    expect(without.message).toMatch(/toolbar button/);
    getAll.mockRestore();
  });

  it("Firefox's wording: a web page is 'not yet', its add-on store and own pages are closed", async () => {
    const refused = (url: string | undefined) =>
      captureRegion({ ...(tab as object), url } as never, {
        maxSide: 2048,
        executeScript: (() =>
          Promise.reject(new Error('Missing host permission for the tab'))) as never,
      }).then(
        () => new IrisError('internal', 'no refusal'),
        (e: unknown) => e as IrisError,
      );
    for (const url of ['https://news.example.com/a', undefined])
      expect((await refused(url)).message, String(url)).toMatch(/may not read this tab yet/);
    for (const url of ['https://addons.mozilla.org/en-US/firefox/', 'about:addons'])
      expect((await refused(url)).message, url).toMatch(/browser pages and extension stores/);
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
