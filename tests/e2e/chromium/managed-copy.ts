// A copy of the build at a path of its own (an unpacked extension's ID follows from its path), with a real Chromium
// policy written for that ID, launched: so that no other test's extension is managed while it runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChromiumPolicy } from '../policy-files';
import { EXTENSION_DIR } from './fixtures';
import { launchExtension, unpackedExtensionId } from './launch';

/** Launches the managed copy; `close` closes the browser, removes the policy and the copy. */
export async function launchManagedCopy(policy: object) {
  const copy = mkdtempSync(join(tmpdir(), 'mfa-desk-managed-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const removePolicy = writeChromiumPolicy(unpackedExtensionId(copy), policy);
  const chromium = await launchExtension(copy);
  return {
    ...chromium,
    close: async () => {
      await chromium.close();
      removePolicy();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
