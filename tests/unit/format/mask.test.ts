import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '@/lib/model/format/mask';

describe('masking personal data', () => {
  it.each([
    ['MOBILE', '18767431754', '•••••••1754'],
    ['MOBILE', '+918767431754123', '••••••••4123'],
    ['EMAIL', 'asha.k@example.com', 'a•••@example.com'],
    ['EMAIL', 'jonathan@x.example', 'j•••@x.example'],
    ['EMAIL', 'jo@x.example', 'j•••@x.example'],
    ['EMAIL', 'j@x.example', '•••@x.example'],
    ['USERNAME', 'abc', '•••'],
    ['USERNAME', 'abcde', '•••de'],
    ['USERNAME', 'abcdefg', '••••efg'],
    ['EXTERNALID', 'EXT-00042', '•••••0042'],
  ] as const)('shows %s %s as %s', (type, value, masked) => {
    expect(maskIdentifier(type, value)).toBe(masked);
  });

  it('never shows more than 4 characters or more than half of a number, whatever its length', () => {
    for (let length = 0; length <= 40; length++) {
      const value = '9'.repeat(length);
      const shown = [...maskIdentifier('MOBILE', value)].filter((char) => char === '9').length;
      expect(shown).toBeLessThanOrEqual(Math.min(4, Math.floor(length / 2)));
    }
  });
});
