// Zips that come out the same, byte for byte, from the same files: sorted entries, one fixed date, deflate at level
// 9. That is what lets a reviewer rebuild the Firefox package from the sources zip and compare it whole.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import JSZip from 'jszip';

/** Every entry's date: fixed, so that a zip depends only on what it holds (DOS dates start in 1980). */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/** Every file under `dir`, as zip paths (forward slashes), sorted. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** The zip of everything under `dir`, its paths relative to `dir`; `replace` swaps a file's bytes (the manifest). */
export async function zipFolder(dir: string, replace: Record<string, Buffer> = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of filesUnder(dir)) {
    zip.file(file, replace[file] ?? readFileSync(join(dir, file)), { date: ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/** The files a zip holds, with their bytes (for tests and the release's own checks). */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}
