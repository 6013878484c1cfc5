import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem, getValues } from '../../utils/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defineItem', () => {
  it('answers the fallback until a value is stored, and again once it is removed', async () => {
    const item = defineItem<string[]>('local:sites', { fallback: [] });
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['https://a.example']);
    expect(await fakeBrowser.storage.local.get('sites')).toEqual({ sites: ['https://a.example'] });
    expect(await item.getValue()).toEqual(['https://a.example']);
    await item.removeValue();
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['x']);
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get('sites')).toEqual({});
  });

  it('keeps each area apart', async () => {
    const local = defineItem('local:job', { fallback: 0 });
    const session = defineItem('session:job', { fallback: 0 });
    await session.setValue(2);
    expect([await local.getValue(), await session.getValue()]).toEqual([0, 2]);
  });

  it('watch reports real changes, with the fallback for a missing side, until unwatched', async () => {
    const item = defineItem('local:model', { fallback: 'default' });
    const seen = vi.fn();
    const unwatch = item.watch(seen);
    await item.setValue('a');
    await item.setValue('a');
    await fakeBrowser.storage.local.set({ other: 1 });
    await item.removeValue();
    unwatch();
    await item.setValue('b');
    expect(seen.mock.calls).toEqual([
      ['a', 'default'],
      ['default', 'a'],
    ]);
  });
});

describe('getValues', () => {
  it('reads several items in one trip per area, each with its value or fallback', async () => {
    const model = defineItem('local:model', { fallback: 'default' });
    const side = defineItem('local:side', { fallback: 2048 });
    const job = defineItem<string | null>('session:job', { fallback: null });
    await model.setValue('m');
    await job.setValue('j');
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const values: [string, number, string | null] = await getValues([model, side, job]);
    expect(values).toEqual(['m', 2048, 'j']);
    expect(local).toHaveBeenCalledTimes(1);
    expect(local).toHaveBeenCalledWith(['model', 'side']);
    expect(session).toHaveBeenCalledTimes(1);
  });
});
