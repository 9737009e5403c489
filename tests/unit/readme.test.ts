// The README's pictures are the ones `npm run screenshots` writes: every one it shows exists, and it writes every one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the README', () => {
  it('shows only screenshots that exist, from the set the screenshots script writes', () => {
    const shown = [...readFileSync('README.md', 'utf8').matchAll(/\]\((tests\/screenshots\/[^)]+\.png)\)/g)].map((match) => match[1]);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const file of shown) expect(existsSync(file), file).toBe(true);
    const written = readdirSync('tests/screenshots').filter((file) => file.endsWith('.png'));
    const pages = ['popup-empty', 'popup-otp-sent', 'popup-error', 'side-panel', 'options'];
    expect(written.sort()).toEqual(pages.flatMap((page) => [`${page}-dark.png`, `${page}-light.png`]).sort());
  });
});
