import { describe, expect, it, vi } from 'vitest';
import { CLEAR_AFTER_MS, type Clipboard, copySecret } from '@/lib/platform/clipboard';

/** A clipboard in memory; `refuse` makes the next n reads fail as an unfocused page's do. */
function fakeClipboard(refuse = 0) {
  const state = { text: '', refuse };
  const clipboard: Clipboard = {
    writeText: async (text) => {
      state.text = text;
    },
    readText: async () => {
      if (state.refuse-- > 0) throw new DOMException('Document is not focused.', 'NotAllowedError');
      return state.text;
    },
  };
  return { clipboard, state };
}

describe('copying a secret', () => {
  it('clears the clipboard 60 s later when it still holds the secret', async () => {
    const { clipboard, state } = fakeClipboard();
    const wait = vi.fn(async () => {});
    const { cleared } = await copySecret('eyJ.token', { clipboard, wait, focused: async () => {}, mayRead: Promise.resolve(true) });
    expect(await cleared).toBe('cleared');
    expect(wait).toHaveBeenCalledWith(CLEAR_AFTER_MS);
    expect(state.text).toBe('');
  });

  it('leaves what the agent copied since', async () => {
    const { clipboard, state } = fakeClipboard();
    let later = () => {};
    const { cleared } = await copySecret('eyJ.token', {
      clipboard,
      wait: () => new Promise((resolve) => (later = resolve)),
      focused: async () => {},
      mayRead: Promise.resolve(true),
    });
    expect(state.text).toBe('eyJ.token');
    state.text = 'ticket #4711';
    later();
    expect(await cleared).toBe('changed');
    expect(state.text).toBe('ticket #4711');
  });

  it('tries again once the page has focus, and says when it could not', async () => {
    const focused = vi.fn(async () => {});
    const once = fakeClipboard(1);
    expect(
      await (await copySecret('k', { clipboard: once.clipboard, wait: async () => {}, focused, mayRead: Promise.resolve(true) })).cleared,
    ).toBe('cleared');
    expect(focused).toHaveBeenCalledOnce();
    const never = fakeClipboard(2);
    expect(
      await (await copySecret('k', { clipboard: never.clipboard, wait: async () => {}, focused, mayRead: Promise.resolve(true) })).cleared,
    ).toBe('failed');
    expect(never.state.text).toBe('k');
  });

  it('clears nothing blindly when the agent did not let it read the clipboard back', async () => {
    const { clipboard, state } = fakeClipboard();
    const { cleared } = await copySecret('eyJ.key', {
      clipboard,
      wait: async () => {},
      focused: async () => {},
      mayRead: Promise.resolve(false),
    });
    expect(await cleared).toBe('failed');
    expect(state.text).toBe('eyJ.key');
  });
});
