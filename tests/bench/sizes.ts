// The JavaScript a page of the built extension loads: its module scripts and everything they import.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  files: string[];
  bytes: number;
  gzip: number;
}

/** `page` is an HTML file of the build, or 'background' for the service worker / event page scripts. */
export function pageScripts(buildDir: string, page: string): ScriptSize {
  const roots = page === 'background' ? backgroundScripts(buildDir) : htmlScripts(buildDir, page);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      visit(normalize(join(dirname(file), spec)));
    }
  };
  roots.forEach(visit);
  const files = [...seen];
  const code = files.map((file) => readFileSync(join(buildDir, file)));
  return {
    files,
    bytes: code.reduce((sum, buffer) => sum + buffer.length, 0),
    gzip: code.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0),
  };
}

function htmlScripts(buildDir: string, page: string): string[] {
  const html = readFileSync(join(buildDir, page), 'utf8');
  return [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map(([, src]) => normalize(src.replace(/^\//, '')));
}

function backgroundScripts(buildDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  return manifest.background.service_worker ? [manifest.background.service_worker] : manifest.background.scripts;
}
