import { defineConfig } from '@playwright/test';

// The end-to-end specs drive real browsers from Debian's packages (see tests/e2e/browsers.ts) with the
// built extension loaded: `npm run test:e2e` builds it first.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  projects: [{ name: 'chromium', testMatch: ['chromium/**/*.spec.ts', 'build/**/*.spec.ts'] }],
});
