// The background's memory of the storage items it alone writes (each customer's record, the cooldowns): what it last
// read or wrote of each, so that a call waits on storage only the first time a worker needs an item. Storage stays
// the truth: every write goes to it in order, and a change the worker did not make (storage.session emptied by the
// browser, a value written elsewhere) is heard, and the item is read again the next time.
import { browser } from 'wxt/browser';
import type { Item } from './define-item';

export interface Memory {
  /** The item as last read or written here, else read from storage (and remembered). */
  read<T>(item: Item<T>): Promise<T>;
  /** Written to storage, and remembered as written from now on (forgotten again if the write fails). */
  write<T>(item: Item<T>, value: T): Promise<void>;
  /** The items removed from storage (read from storage again next time). */
  remove(items: readonly Item<unknown>[]): Promise<void>;
}

export function storageMemory(area: Item<unknown>['area']): Memory {
  const known = new Map<string, unknown>();
  // Counts every write here and every change heard: a read that saw one happen while it was on its way is not
  // remembered (it may be older than the change).
  let changes = 0;

  browser.storage.onChanged.addListener((changed, changedArea) => {
    if (changedArea !== area) return;
    changes++;
    for (const [key, { newValue }] of Object.entries(changed)) {
      if (!sameValue(newValue, known.get(key))) known.delete(key);
    }
  });

  return {
    async read<T>(item: Item<T>): Promise<T> {
      if (known.has(item.key)) return known.get(item.key) as T;
      const since = changes;
      const value = await item.get();
      if (changes === since && !known.has(item.key)) known.set(item.key, value);
      return known.has(item.key) ? (known.get(item.key) as T) : value;
    },
    async write(item, value) {
      changes++;
      known.set(item.key, value);
      await item.set(value).catch((error: unknown) => {
        known.delete(item.key);
        throw error;
      });
    },
    async remove(items) {
      changes++;
      for (const item of items) known.delete(item.key);
      await browser.storage[area].remove(items.map((item) => item.key));
    },
  };
}

/**
 * Whether two values stored as JSON are the same: a key whose value is undefined counts as absent (storage drops it),
 * and the order of keys does not count.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (value: object) => Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const [keysA, keysB] = [keysOf(a), keysOf(b)];
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
