import { describe, expect, it } from 'vitest';
import { clockTime } from '@/components/common/CustomerTabs';

describe("a tab's clock", () => {
  const times = [Date.UTC(2026, 10, 29, 9, 12, 5), Date.UTC(2026, 10, 29, 14, 32, 59), Date.UTC(2026, 10, 30, 0, 0, 0)];

  it('reads as the agent’s clock does, to the minute, each time it is drawn', () => {
    for (const at of times) {
      expect(clockTime(at)).toBe(new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    }
  });

  it('gives the seconds when asked, and not the next time it is not', () => {
    for (const at of times) {
      expect(clockTime(at, true)).toBe(new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
      expect(clockTime(at)).toBe(new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    }
  });
});
