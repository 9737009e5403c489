// Browser policy as IT sets it, written where Debian's browsers read it, for one test and removed after: Chromium
// merges every file in /etc/chromium/policies/managed; Firefox reads /etc/firefox/policies/policies.json at start.
// Writing there needs root (as CI runs); the tests say so and skip otherwise. A Firefox policy file already on the
// machine is put back as it was.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

/** Whether this process may write policy files (creating the folders where they are missing). */
export function mayWritePolicies(): boolean {
  try {
    accessSync('/etc', constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A Chromium policy file of its own (`name`.json, merged with any others); returns the function that removes it. */
export function writeChromiumPolicyFile(name: string, policies: object): () => void {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(policies, null, 2));
  return () => rmSync(file, { force: true });
}

/** Chromium's 3rdparty policy for one extension, in a file of its own; returns the function that removes it. */
export function writeChromiumPolicy(extensionId: string, policy: object): () => void {
  return writeChromiumPolicyFile(`mfa-desk-e2e-${extensionId}`, { '3rdparty': { extensions: { [extensionId]: policy } } });
}

/** Firefox's policies.json, whole; returns the function that restores the machine's. */
export function writeFirefoxPoliciesFile(policies: object): () => void {
  const before = existsSync(FIREFOX_POLICY_FILE) ? readFileSync(FIREFOX_POLICY_FILE) : null;
  mkdirSync(dirname(FIREFOX_POLICY_FILE), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify(policies, null, 2));
  return () => (before ? writeFileSync(FIREFOX_POLICY_FILE, before) : rmSync(FIREFOX_POLICY_FILE, { force: true }));
}

/** Firefox's policies.json with a 3rdparty policy for one add-on; returns the function that restores the machine's. */
export function writeFirefoxPolicy(addonId: string, policy: object): () => void {
  return writeFirefoxPoliciesFile({ policies: { '3rdparty': { Extensions: { [addonId]: policy } } } });
}
