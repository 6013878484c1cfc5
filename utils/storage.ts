import { browser } from 'wxt/browser';

type Area = 'local' | 'session' | 'sync';

/** One stored value with its default, defined once (STYLE.md habit 3). */
export interface StorageItem<T> {
  readonly key: string;
  readonly fallback: T;
  /** The stored value, or the fallback when nothing is stored. */
  getValue(): Promise<T>;
  /** Stores `value`; null or undefined removes it (the fallback answers again). */
  setValue(value: T | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `onChange` when the stored value really changes; returns the unwatch function. */
  watch(onChange: (newValue: T, oldValue: T) => void): () => void;
}

type ValuesOf<T extends readonly StorageItem<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends StorageItem<infer V> ? V : never;
};

/**
 * The values (or fallbacks) of several items, in their order, in one trip per storage area
 * — `getValue` on each would make one trip apiece.
 */
export async function getValues<const T extends readonly StorageItem<unknown>[]>(
  items: T,
): Promise<ValuesOf<T>> {
  const names = new Map<Area, string[]>();
  for (const item of items) {
    const [area, name] = splitKey(item.key);
    names.set(area, [...(names.get(area) ?? []), name]);
  }
  const stored = new Map<Area, Record<string, unknown>>();
  await Promise.all(
    [...names].map(async ([area, keys]) => {
      stored.set(area, await browser.storage[area].get(keys));
    }),
  );
  return items.map((item) => {
    const [area, name] = splitKey(item.key);
    return stored.get(area)?.[name] ?? item.fallback;
  }) as ValuesOf<T>;
}

function splitKey(key: string): [Area, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as Area, key.slice(colon + 1)];
}

/**
 * A small typed wrapper over `browser.storage` (what Iris used of `@wxt-dev/storage`, at a
 * tenth of its size). Keys read `area:name`, e.g. `local:model`. Changes of the shape of
 * stored settings are migrated as a whole store (utils/settings-migrations.ts), not per item.
 * Call sites import the module as a namespace (`import * as storage`) and read
 * `storage.defineItem(...)`, which the bundler resolves to a direct call. Defining an item
 * has no side effect, so the bundler drops the items a bundle does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineItem<T>(key: `${Area}:${string}`, options: { fallback: T }): StorageItem<T> {
  const [area, name] = splitKey(key);
  // Looked up at each call, never at import: tests swap the browser's storage underneath.
  const storageArea = () => browser.storage[area];
  const orFallback = (value: unknown) => (value ?? options.fallback) as T;
  return {
    key,
    fallback: options.fallback,
    async getValue() {
      return orFallback((await storageArea().get(name))[name]);
    },
    async setValue(value) {
      if (value == null) await storageArea().remove(name);
      else await storageArea().set({ [name]: value });
    },
    async removeValue() {
      await storageArea().remove(name);
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        // Stored values are JSON: equal text, no change (a rewrite of the same value).
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        onChange(orFallback(change.newValue), orFallback(change.oldValue));
      };
      storageArea().onChanged.addListener(listener);
      return () => storageArea().onChanged.removeListener(listener);
    },
  };
}
