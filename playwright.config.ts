import { defineConfig } from '@playwright/test';

// The end-to-end specs drive real browsers from Debian's packages (see tests/e2e/browsers.ts) with the
// built extensions loaded: `npm run test:e2e` builds both first. Firefox is driven by puppeteer-core over
// WebDriver BiDi inside Playwright's runner (Playwright's own Firefox is a patched build we cannot download).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'build', testMatch: 'build/**/*.spec.ts' },
    { name: 'chromium', testMatch: 'chromium/**/*.spec.ts' },
    { name: 'firefox', testMatch: 'firefox/**/*.spec.ts' },
    // `npm run release` once, then its packages opened, rebuilt from the sources zip and force-installed by policy.
    { name: 'release', testMatch: 'release/**/*.spec.ts' },
  ],
});
