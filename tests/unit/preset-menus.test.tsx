import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ErrorNotice } from '../../components/ErrorNotice';
import { handlePresetClick, rebuildPresetMenus } from '../../utils/preset-menus';
import { presetsSetting } from '../../utils/settings';

const zebra = { id: 'z', name: 'Zebra check', prompt: 'Any zebras?', enabled: true };

beforeEach(() => {
  fakeBrowser.reset();
});

function spyMenus() {
  // fakeBrowser has no contextMenus: give it the two calls the rebuild uses.
  const create = vi.fn();
  const remove = vi.fn(async () => undefined);
  (browser as unknown as { contextMenus: object }).contextMenus = { create, remove };
  return { create, remove };
}

describe('preset menu items', () => {
  it('a rebuild removes the old preset items only and creates the enabled ones', async () => {
    const { create, remove } = spyMenus();
    await rebuildPresetMenus(
      { builtIns: { identify: true }, custom: [zebra] },
      { builtIns: { 'read-text': true }, custom: [] },
    );
    expect(remove.mock.calls).toEqual([['iris-preset:read-text']]);
    expect(create.mock.calls.map((c) => c[0])).toEqual([
      { id: 'iris-preset:identify', title: 'Identify', contexts: ['image'] },
      { id: 'iris-preset:z', title: 'Zebra check', contexts: ['image'] },
    ]);
  });

  it('a click on a preset item starts a job with its prompt; other items are ignored', async () => {
    await presetsSetting.setValue({ builtIns: {}, custom: [zebra] });
    (browser as unknown as { action: object }).action = { openPopup: async () => undefined };
    const start = vi.fn(async () => ({}) as never);
    const runner = { start } as never;
    const info = {
      menuItemId: 'iris-preset:z',
      srcUrl: 'https://x/a.png',
      pageUrl: 'https://x/',
      frameId: 0,
      editable: false,
    };
    await handlePresetClick(runner, info, { id: 4, incognito: true } as never);
    expect(start).toHaveBeenCalledWith({
      source: {
        srcUrl: 'https://x/a.png',
        pageUrl: 'https://x/',
        tabId: 4,
        frameId: 0,
        incognito: true,
      },
      prompt: 'Any zebras?',
    });
    await handlePresetClick(runner, { ...info, menuItemId: 'iris-describe-image' }, undefined);
    expect(start).toHaveBeenCalledTimes(1);
    // An image whose address the menu left out (a data: URL over 2 MB) is found in the page.
    const found = { tabId: 4, frameId: 0, targetId: 't-1' };
    const findImage = vi.fn(async () => found);
    await handlePresetClick(runner, { ...info, srcUrl: undefined }, { id: 4 } as never, findImage);
    expect(start).toHaveBeenLastCalledWith({ source: found, prompt: 'Any zebras?' });
  });
});

describe('ErrorNotice for a model that cannot see images', () => {
  const error = { code: 'model-cannot-see-images' as const, message: 'x', details: {} };

  it('offers the one-click switch when the popup can do it', () => {
    const onSwitchModel = vi.fn();
    render(
      <ErrorNotice
        error={error}
        onRetry={vi.fn()}
        onOpenOptions={vi.fn()}
        onSwitchModel={onSwitchModel}
      />,
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Switch to an image-capable model and retry' }),
    );
    expect(onSwitchModel).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Choose an image-capable model' })).toBeTruthy();
  });

  it('without a switch handler, only the Options action remains', () => {
    render(<ErrorNotice error={error} onRetry={vi.fn()} onOpenOptions={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /Switch to/ })).toBeNull();
  });

  it.each([
    ['site-blocked', /never runs/],
    ['private-window', /off in private windows/],
  ] as const)('%s says why nothing was sent', (code, sentence) => {
    render(
      <ErrorNotice
        error={{ code, message: '', details: {} }}
        onRetry={vi.fn()}
        onOpenOptions={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(sentence);
    expect(screen.getByRole('alert').textContent).toContain('nothing was sent');
  });
});
