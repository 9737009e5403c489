import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/model/format/csv';

describe('CSV export', () => {
  it.each([
    ['plain', 'Bukl', 'Bukl'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a plus sign', '+1506', '"\'+1506"'],
    ['an at sign', '@SUM(A1)', '"\'@SUM(A1)"'],
    ['a number', 1506, '1506'],
  ])('writes %s safely', (_name, value, cell) => {
    expect(toCsv([[value]])).toBe(`${cell}\r\n`);
  });
});
