import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ClearerDeps, createClipboardClearer } from '@/entrypoints/background/clipboard-clear';
import { CLEAR_AFTER_MS, type Cleared } from '@/lib/model/clipboard';
import { type ClipboardAccess, clearIfStill, copiedItem, digestOf } from '@/lib/platform/clipboard';

/** A clipboard in memory; `refuse` makes reading it fail, as a browser without the permission does. */
function fakeClipboard(text: string, refuse = false) {
  const state = { text };
  const clipboard: ClipboardAccess = {
    readText: async () => {
      if (refuse) throw new DOMException('Read permission denied.', 'NotAllowedError');
      return state.text;
    },
    clear: async () => {
      state.text = '';
    },
  };
  return { clipboard, state };
}

describe('clearing a copied token where the clipboard is read', () => {
  it('clears the clipboard when it still holds the copied text', async () => {
    const { clipboard, state } = fakeClipboard('eyJ.token');
    expect(await clearIfStill(await digestOf('eyJ.token'), clipboard)).toBe('cleared');
    expect(state.text).toBe('');
  });

  it('leaves what the agent copied since', async () => {
    const { clipboard, state } = fakeClipboard('ticket #4711');
    expect(await clearIfStill(await digestOf('eyJ.token'), clipboard)).toBe('changed');
    expect(state.text).toBe('ticket #4711');
  });

  it('says when the clipboard could not be read', async () => {
    const { clipboard, state } = fakeClipboard('eyJ.token', true);
    expect(await clearIfStill(await digestOf('eyJ.token'), clipboard)).toBe('failed');
    expect(state.text).toBe('eyJ.token');
  });

  it('knows a text by its SHA-256 only', async () => {
    expect(await digestOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the background’s clearer', () => {
  beforeEach(() => fakeBrowser.reset());

  function setup(overrides: Partial<ClearerDeps> = {}) {
    const deps: ClearerDeps = {
      now: () => 1_000,
      schedule: vi.fn(async () => {}),
      mayClear: async () => true,
      clearIf: vi.fn(async (): Promise<Cleared> => 'cleared'),
      ...overrides,
    };
    return { deps, clearer: createClipboardClearer(deps) };
  }
  const digest = 'a'.repeat(64);

  it('remembers a copy in storage.session and sets the alarm 60 s on', async () => {
    const { deps, clearer } = setup();
    expect(await clearer.copied(digest)).toEqual({ clearAt: 1_000 + CLEAR_AFTER_MS });
    expect(deps.schedule).toHaveBeenCalledWith(1_000 + CLEAR_AFTER_MS);
    expect(await copiedItem.get()).toEqual({ digest, copiedAt: 1_000, state: 'waiting' });
  });

  it('clears when the alarm fires, says how it went, and forgets the digest', async () => {
    const { deps, clearer } = setup({ clearIf: vi.fn(async (): Promise<Cleared> => 'changed') });
    await clearer.copied(digest);
    await clearer.clear();
    expect(deps.clearIf).toHaveBeenCalledWith(digest);
    expect(await copiedItem.get()).toEqual({ digest: null, copiedAt: 1_000, state: 'changed' });
    await clearer.clear();
    expect(deps.clearIf).toHaveBeenCalledOnce();
  });

  it('reads nothing and says it failed without the agent’s permission', async () => {
    const { deps, clearer } = setup({ mayClear: async () => false });
    await clearer.copied(digest);
    await clearer.clear();
    expect(deps.clearIf).not.toHaveBeenCalled();
    expect((await copiedItem.get())?.state).toBe('failed');
  });

  it('says it failed when the offscreen document or the clipboard threw', async () => {
    const { clearer } = setup({ clearIf: async () => Promise.reject(new Error('no offscreen document')) });
    await clearer.copied(digest);
    await clearer.clear();
    expect((await copiedItem.get())?.state).toBe('failed');
  });
});
