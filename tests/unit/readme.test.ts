// The README's pictures are the ones `npm run screenshots` writes: every one it shows exists, and it writes every one.
// Its policy examples for IT admins set exactly the schema's keys, with values MFA Desk uses. The changelog names
// the version package.json carries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManaged } from '@/lib/model/settings/managed';
import { MANAGED_SCHEMA } from '@/lib/model/settings/policy-schema';
import { FIREFOX_ID } from '@/lib/platform/firefox-id';

describe('the README', () => {
  it('shows only screenshots that exist, from the set the screenshots script writes', () => {
    const shown = [...readFileSync('README.md', 'utf8').matchAll(/\]\((tests\/screenshots\/[^)]+\.png)\)/g)].map((match) => match[1]);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const file of shown) expect(existsSync(file), file).toBe(true);
    const written = readdirSync('tests/screenshots').filter((file) => file.endsWith('.png'));
    // Every step of the popup, the side panel and the options page, in light, dark and Arabic.
    const pages = [
      'popup-empty',
      'popup-first-factor',
      'popup-session',
      'popup-otp-sent',
      'popup-error',
      'popup-verified',
      'popup-customers',
      'side-panel',
      'options',
    ];
    expect(written.sort()).toEqual(pages.flatMap((page) => [`${page}-dark.png`, `${page}-light.png`, `${page}-ar.png`]).sort());
  });
});

describe('the README’s section for IT admins', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## For IT admins'), readme.indexOf('## What it keeps'));
  const blocks = (language: string) =>
    [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]);
  const keys = Object.keys(MANAGED_SCHEMA.properties);

  it('lists exactly the policy keys of the schema', () => {
    const listed = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(keys);
  });

  it('gives Chrome’s and Firefox’s JSON examples with every key, each one a value MFA Desk uses', () => {
    const [chrome, firefox] = blocks('json').map((text) => JSON.parse(text));
    const policies = [chrome['3rdparty'].extensions['<extension-id>'], firefox.policies['3rdparty'].Extensions[FIREFOX_ID]];
    for (const policy of policies) {
      expect(Object.keys(policy)).toEqual(keys);
      expect(readManaged(policy).invalid).toEqual([]);
    }
  });

  it('sets every key in the Windows registry and macOS examples too', () => {
    const [reg] = blocks('reg');
    expect([...reg.matchAll(/^"(\w+)"=/gm)].map((match) => match[1])).toEqual(keys);
    const brands = JSON.parse(JSON.parse(`"${/^"brands"="(.*)"$/m.exec(reg)![1]}"`));
    expect(readManaged({ brands }).invalid).toEqual([]);
    const [plist] = blocks('xml');
    for (const key of keys) expect(plist).toContain(`<key>${key}</key>`);
  });
});

describe('the changelog', () => {
  it('has an Unreleased section and an entry for the version package.json carries', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(changelog).toMatch(/^## Unreleased$/m);
    expect(changelog).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')} - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
