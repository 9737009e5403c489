import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { defineItem } from '@/lib/platform/storage/define-item';
import { sameValue, storageMemory } from '@/lib/platform/storage/memory';

const Counted = z.object({ count: z.number(), note: z.optional(z.string()) });
const item = defineItem<z.infer<typeof Counted> | null>('session', 'counted', z.nullable(Counted), null);
const other = defineItem('session', 'other', z.number(), 0);

function setup() {
  const memory = storageMemory('session');
  const reads = vi.spyOn(browser.storage.session, 'get');
  return { memory, reads };
}

describe("the background's memory of what it alone writes", () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage the first time only, and gives back what it wrote without reading', async () => {
    await browser.storage.session.set({ counted: { count: 1 } });
    const { memory, reads } = setup();
    expect(await memory.read(item)).toEqual({ count: 1 });
    expect(await memory.read(item)).toEqual({ count: 1 });
    expect(reads).toHaveBeenCalledTimes(1);
    await memory.write(item, { count: 2 });
    expect(await memory.read(item)).toEqual({ count: 2 });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await item.get()).toEqual({ count: 2 });
  });

  it('hears a change it did not make, and reads the item again', async () => {
    const { memory, reads } = setup();
    await memory.write(item, { count: 1 });
    await browser.storage.session.set({ counted: { count: 7 } });
    expect(await memory.read(item)).toEqual({ count: 7 });
    expect(reads).toHaveBeenCalledTimes(1);
    // storage.session emptied, as when the browser restarts
    await browser.storage.session.clear();
    expect(await memory.read(item)).toBeNull();
  });

  it('does not remember a read that a change overtook on its way', async () => {
    await browser.storage.session.set({ counted: { count: 1 } });
    const { memory, reads } = setup();
    // Storage answers with the value as it was, and another writer's change is heard before the answer arrives.
    const read = browser.storage.session.get.bind(browser.storage.session);
    reads.mockImplementationOnce(async (keys) => {
      const answer = await read(keys);
      await browser.storage.session.set({ counted: { count: 2 } });
      return answer;
    });
    expect(await memory.read(item)).toEqual({ count: 1 });
    expect(await memory.read(item)).toEqual({ count: 2 });
  });

  it('keeps nothing of a write storage refused, nor of a value that does not fit the item', async () => {
    const { memory } = setup();
    await memory.write(item, { count: 1 });
    vi.spyOn(browser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(memory.write(item, { count: 2 })).rejects.toThrow('quota');
    expect(await memory.read(item)).toEqual({ count: 1 });
    await expect(memory.write(item, { count: 'three' } as never)).rejects.toThrow();
    expect(await memory.read(item)).toEqual({ count: 1 });
  });

  it('reads removed items from storage again', async () => {
    await browser.storage.session.set({ counted: { count: 1 }, other: 5 });
    const { memory, reads } = setup();
    expect([await memory.read(item), await memory.read(other)]).toEqual([{ count: 1 }, 5]);
    await memory.remove([item]);
    expect(await memory.read(item)).toBeNull();
    expect(await memory.read(other)).toBe(5);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(await browser.storage.session.get('counted')).toEqual({});
  });
});

describe('sameValue (two values stored as JSON)', () => {
  it('ignores key order and keys left undefined, and nothing else', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: { 0: 1, 1: 2 } })).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
  });
});
