// `npm run size`: each source module's share of each page's JavaScript, in gzip -9 bytes (the budgets' unit), for
// what a page loads before it is ready (its module scripts and their static imports). Builds Chrome with source maps
// into a folder of its own, reads the maps, and gives each file's gzip size out to its modules by their share of the
// file's bytes (gzip does not split exactly by module; the shares add up to the page's size).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { pageScripts } from './sizes';

const PAGES = ['popup.html', 'sidepanel.html', 'options.html', 'background'];

const out = mkdtempSync(join(tmpdir(), 'mfa-desk-size-'));
const build = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, MFA_DESK_OUT_DIR: out, MFA_DESK_SOURCEMAP: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
const dir = join(out, 'chrome-mv3');

/** Bytes of a built file per source module, from its source map; what no module claims is the bundler's. */
function bytesBySource(file: string): Map<string, number> {
  const code = readFileSync(join(dir, file), 'utf8');
  const lines = code.split('\n');
  const shares = new Map<string, number>();
  const add = (source: string, bytes: number) => shares.set(source, (shares.get(source) ?? 0) + bytes);
  const map = new SourceMapConsumer(JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')));
  const mappings: { line: number; column: number; source: string | null }[] = [];
  map.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
  let claimed = 0;
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const end = next && next.line === mapping.line ? next.column : lines[mapping.line - 1].length;
    const bytes = Buffer.byteLength(lines[mapping.line - 1].slice(mapping.column, end));
    claimed += bytes;
    add(mapping.source ? moduleName(mapping.source) : '(bundler)', bytes);
  });
  add('(bundler)', Buffer.byteLength(code) - claimed);
  return shares;
}

/** A source as the tree names it: node_modules packages by package, our files by path. */
function moduleName(source: string): string {
  const path = relative(process.cwd(), join(dir, source.replace(/^\/?/, '')));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? `${pkg[1]} (package)` : path.replace(/^(\.\.\/)+/, '');
}

for (const page of PAGES) {
  const { files, gzip } = pageScripts(dir, page);
  const total = new Map<string, number>();
  for (const file of files) {
    const code = readFileSync(join(dir, file));
    const fileGzip = gzipSync(code, { level: 9 }).length;
    for (const [source, bytes] of bytesBySource(file)) total.set(source, (total.get(source) ?? 0) + (bytes / code.length) * fileGzip);
  }
  console.log(`\n${page}: ${gzip.toLocaleString('en')} bytes gzip -9 before ready, in ${files.length} file(s)`);
  for (const [source, bytes] of [...total].sort((a, b) => b[1] - a[1])) {
    if (bytes >= 50)
      console.log(`  ${Math.round(bytes).toString().padStart(6)}  ${((100 * bytes) / gzip).toFixed(1).padStart(5)}%  ${source}`);
  }
}
rmSync(out, { recursive: true, force: true });
