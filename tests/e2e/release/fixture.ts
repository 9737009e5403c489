// One `npm run release` per test worker, as IT would host it: a signing key made for the run, the release URL a
// loopback server this fixture starts, and that server serving .output/release/ (update checks add a query).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { test as base } from '@playwright/test';

export const RELEASE_DIR = join('.output', 'release');

export type Release = {
  version: string;
  chromeId: string;
  files: Record<string, string>;
  /** Where the loopback server serves the release, as MFA_DESK_RELEASE_URL said. */
  url: string;
  /** What the release printed. */
  output: string;
  /** Paths the browsers asked the server for, in order. */
  requests: string[];
};

const TYPES: Record<string, string> = {
  '.crx': 'application/x-chrome-extension',
  '.xpi': 'application/x-xpinstall',
  '.xml': 'text/xml',
  '.json': 'application/json',
};

/** Serves the release folder; the port is known before the release is built, so its URL can be baked in. */
async function releaseServer(requests: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://release').pathname.slice(1);
    requests.push(name);
    try {
      const body = readFileSync(join(RELEASE_DIR, name.replace(/[/\\]/g, '')));
      res.writeHead(200, { 'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export const test = base.extend<object, { release: Release }>({
  release: [
    async ({}, use) => {
      const requests: string[] = [];
      const server = await releaseServer(requests);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const keys = mkdtempSync(join(tmpdir(), 'mfa-desk-release-key-'));
      const keyFile = join(keys, 'crx.pem');
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const run = spawnSync('npm', ['run', 'release'], {
        encoding: 'utf8',
        env: { ...process.env, MFA_DESK_RELEASE_URL: url, MFA_DESK_CRX_KEY: keyFile, WEB_EXT_API_KEY: '', WEB_EXT_API_SECRET: '' },
      });
      rmSync(keys, { recursive: true, force: true });
      if (run.status !== 0) throw new Error(`npm run release failed:\n${run.stdout}\n${run.stderr}`);
      const manifest = JSON.parse(readFileSync(join(RELEASE_DIR, 'release.json'), 'utf8'));
      await use({ ...manifest, url, output: run.stdout, requests });
      server.close();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});

export { expect } from '@playwright/test';
