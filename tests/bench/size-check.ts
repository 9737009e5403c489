// `npm run size:check`: the built Chrome extension's pages against their budgets (budgets.ts); exits 1 when one is over.
// Runs on its own after `wxt build`; the build spec runs the same check inside `npm test`.
import { BUDGETS } from './budgets';
import { pageScripts } from './sizes';

let over = 0;
for (const { name, page, bytes } of BUDGETS) {
  const { gzip } = pageScripts('.output/chrome-mv3', page);
  const ok = gzip <= bytes;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(11)} ${String(gzip).padStart(6)} B gzip -9 (budget ${bytes})`);
}
if (over > 0) {
  console.error(`${over} page(s) over budget: \`npm run size\` shows which modules take the room.`);
  process.exit(1);
}
