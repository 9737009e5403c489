// A typed storage item: one key in one area, parsed with zod on every read so that a corrupt or
// outdated value falls back instead of reaching the UI.
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';

export type Area = 'local' | 'session';

export interface Item<T> {
  readonly area: Area;
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with the new value on every change; returns the unsubscribe function. */
  watch(callback: (value: T) => void): () => void;
  /** Parses a raw stored value (from a bulk read or a change event). */
  parse(raw: unknown): T;
}

export function defineItem<T>(area: Area, key: string, schema: z.ZodMiniType<T>, fallback: T): Item<T> {
  const parse = (raw: unknown): T => {
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    area,
    key,
    parse,
    async get() {
      const stored = await browser.storage[area].get(key);
      return parse(stored[key]);
    },
    async set(value) {
      await browser.storage[area].set({ [key]: schema.parse(value) });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea === area && key in changes) callback(parse(changes[key].newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
