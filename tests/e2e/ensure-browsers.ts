// Run before the end-to-end tests: the browsers come from Debian's packages. On a fresh machine where we
// are root, install them; otherwise stop and say what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX } from './browsers';

const wanted = [
  { path: CHROMIUM, pkg: 'chromium' },
  { path: FIREFOX, pkg: 'firefox-esr' },
].filter(({ path }) => !existsSync(path));

if (wanted.length > 0) {
  const packages = wanted.map(({ pkg }) => pkg);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`The end-to-end tests need ${wanted.map(({ path }) => path).join(' and ')}.
Install them with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}
(or point CHROMIUM_PATH / FIREFOX_PATH at your own builds).`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from apt for the end-to-end tests…`);
  const run = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update']).status !== 0 || run(['install', '-y', '--no-install-recommends', ...packages]).status !== 0) {
    console.error(`apt-get could not install ${packages.join(' ')}; install them by hand and run npm test again.`);
    process.exit(1);
  }
}
