import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '@/lib/format/mask';

describe('masking personal data', () => {
  it.each([
    ['MOBILE', '18767431754', '•••••••1754'],
    ['MOBILE', '+918767431754123', '••••••••4123'],
    ['EMAIL', 'asha.k@example.com', 'a•••••@example.com'],
    ['EMAIL', 'ak@example.com', 'a••@example.com'],
    ['USERNAME', 'abc', '•••'],
    ['EXTERNALID', 'EXT-00042', '•••••0042'],
  ] as const)('shows %s %s as %s', (type, value, masked) => {
    expect(maskIdentifier(type, value)).toBe(masked);
  });
});
