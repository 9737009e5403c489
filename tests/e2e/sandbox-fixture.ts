// The sandbox each test worker starts for itself, on a free port. SANDBOX_LOG=1 prints what it does. It answers the
// extension in Firefox (one UUID for every run); a Chromium fixture allows its build's ID (see chromium/fixtures.ts).
import { FIREFOX_ORIGIN } from '../sandbox/extension-origins';
import { type Sandbox, startSandbox } from '../sandbox/server';

export const sandboxFixture: [(args: object, use: (sandbox: Sandbox) => Promise<void>) => Promise<void>, { scope: 'worker' }] = [
  // Playwright reads the fixtures a function needs from its destructuring pattern: this one needs none.
  async ({}, use) => {
    const sandbox = await startSandbox({ log: process.env.SANDBOX_LOG ? console.log : () => {}, extensions: [FIREFOX_ORIGIN] });
    await use(sandbox);
    await sandbox.close();
  },
  { scope: 'worker' },
];
