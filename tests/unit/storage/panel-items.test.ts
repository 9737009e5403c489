import { describe, expect, it } from 'vitest';
import { freshSelection, PENDING_JWT_TTL_MS } from '@/lib/platform/storage/panel-items';

describe('a selection sent from the context menu', () => {
  it('is shown within 10 minutes of the click, and forgotten unshown after', () => {
    const pending = { text: 'eyJ.a.b', at: 1_000_000 };
    expect(freshSelection(pending, 1_000_000 + PENDING_JWT_TTL_MS - 1)).toBe(pending);
    expect(freshSelection(pending, 1_000_000 + PENDING_JWT_TTL_MS)).toBeNull();
    expect(freshSelection(null, 1_000_000)).toBeNull();
  });
});
