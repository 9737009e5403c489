// No new install warning by surprise: every permission a store package asks for must be named in
// release/permissions.json, so that adding one (and the warning agents may see) is a reviewed change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'] as const;
type Browser = 'chrome' | 'firefox';
type Listed = Record<Browser, Record<(typeof KINDS)[number], string[]>>;

const listed: Listed = JSON.parse(readFileSync(join(import.meta.dirname, 'permissions.json'), 'utf8'));

/** What a manifest asks for that the list does not name, as "kind: value" lines; empty when all is listed. */
export function unlistedPermissions(browser: Browser, manifest: Record<string, unknown>): string[] {
  return KINDS.flatMap((kind) =>
    ((manifest[kind] as string[] | undefined) ?? [])
      .filter((value) => !listed[browser][kind].includes(value))
      .map((value) => `${kind}: ${value}`),
  );
}

/** Throws, naming each one, when a store package asks for a permission release/permissions.json does not list. */
export function checkPermissions(browser: Browser, manifest: Record<string, unknown>) {
  const added = unlistedPermissions(browser, manifest);
  if (added.length > 0) {
    throw new Error(
      `The ${browser} package asks for what release/permissions.json does not list:\n  ${added.join('\n  ')}\n` +
        'Each may show agents a new install warning. If it is meant, add it to release/permissions.json (and say why in PRIVACY.md).',
    );
  }
}
