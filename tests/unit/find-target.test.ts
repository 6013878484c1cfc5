import { afterEach, describe, expect, it, vi } from 'vitest';
import { findTarget } from '../../utils/find-target';

type Info = Parameters<typeof findTarget>[0];
/** A fake executeScript: each page-function call answers the next result; file loads nothing. */
const answers = (...results: unknown[]) => {
  const fake = vi.fn(async (injection: { files?: string[] }) => [
    { frameId: 0, result: injection.files ? undefined : results.shift() },
  ]);
  return fake as unknown as Parameters<typeof findTarget>[2] & typeof fake;
};
/** The page-function calls a fake executeScript saw (file loads left out). */
const calls = (inject: ReturnType<typeof answers>) =>
  inject.mock.calls.map(([injection]) => injection).filter((injection) => !injection.files);
const info = (extra: Partial<Info> = {}) =>
  ({
    menuItemId: 'm',
    editable: false,
    pageUrl: 'https://a.example/',
    frameId: 2,
    ...extra,
  }) as Info;

describe('findTarget', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('Firefox names the element: no pick', async () => {
    // Only the Firefox build looks for the element the menu names (any truthy value will do).
    vi.stubEnv('FIREFOX', 'true');
    const inject = answers('t-1');
    expect(await findTarget(info({ targetElementId: 42 } as Partial<Info>), 7, inject)).toEqual({
      kind: 'found',
      targetId: 't-1',
    });
    expect(calls(inject)).toMatchObject([
      { target: { tabId: 7, frameIds: [2] }, args: ['rememberTargetInPage', [42]] },
    ]);
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [2] },
      files: ['/page-find-target.js'],
    });
  });

  it('a video is found by its address: no pick', async () => {
    const inject = answers('t-2');
    const found = await findTarget(
      info({ mediaType: 'video', srcUrl: 'blob:https://a.example/v' }),
      7,
      inject,
    );
    expect(found).toEqual({ kind: 'found', targetId: 't-2' });
  });

  it('an image the menu gave no address for (a data: URL over 2 MB) is the one such <img>', async () => {
    const inject = answers('t-5');
    expect(await findTarget(info({ mediaType: 'image' }), 7, inject)).toEqual({
      kind: 'found',
      targetId: 't-5',
    });
    expect(calls(inject)).toMatchObject([{ args: ['rememberUnnamedImageInPage', []] }]);
    // Not one such image in the frame: the right-click remembered, else a pick.
    const pick = answers(null, null, { ok: true, targetId: 't-6' });
    expect(await findTarget(info({ mediaType: 'image' }), 7, pick)).toEqual({
      kind: 'found',
      targetId: 't-6',
    });
  });

  it.each([
    ['picked', { ok: true, targetId: 't-3' }, { kind: 'found', targetId: 't-3' }],
    ['Esc', { ok: false, reason: 'cancelled' }, { kind: 'cancelled' }],
    ['no click in time', { ok: false, reason: 'timeout' }, { kind: 'cancelled' }],
  ])('otherwise pick mode: %s', async (_name, result, expected) => {
    // The first injection asks for a remembered right-click: none here.
    expect(await findTarget(info(), 7, answers(null, result))).toEqual(expected);
  });

  it('a right-click remembered by the all-sites listener: no pick', async () => {
    const inject = answers('t-4');
    expect(await findTarget(info(), 7, inject)).toEqual({ kind: 'found', targetId: 't-4' });
    expect(calls(inject)).toMatchObject([
      { target: { tabId: 7, frameIds: [2] }, args: ['takeLastContextTarget', [15_000]] },
    ]);
  });

  it('a page the browser keeps extensions out of fails with a sentence and the reason', async () => {
    const inject = vi.fn(async () => {
      throw new Error('Cannot access a chrome:// URL');
    });
    const found = await findTarget(info(), 7, inject as never);
    expect(found.kind).toBe('failed');
    if (found.kind !== 'failed') return;
    expect(found.error.message).toMatch(/cannot reach into this page/);
    expect(found.error.details.steps?.[0]).toContain('Cannot access a chrome:// URL');
  });
});
