// `npm run fuzz`: every target at full scale (at least 100,000 cases in all), with a figure per target.
// A seed can be given to replay a run: `npm run fuzz -- --seed 42`.
import * as fc from 'fast-check';
import { en, type MessageKey } from '@/lib/words/en';
import { fill } from '@/lib/words/messages';

// Outside a browser (and outside Vitest's fake one), messages come from the English catalogue.
Object.assign(globalThis, {
  chrome: {
    runtime: { id: 'mfa-desk-fuzz' },
    i18n: { getMessage: (key: string, substitutions: string[] = []) => fill(en[key as MessageKey] ?? '', substitutions) },
  },
});
const { TARGETS } = await import('./targets');

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : Date.now() % 2 ** 31;
console.log(`fuzz seed ${seed}`);
let total = 0;
let failures = 0;
for (const target of TARGETS) {
  const started = performance.now();
  const details = await target.check({ numRuns: target.runs, seed });
  const ms = Math.round(performance.now() - started);
  total += details.numRuns;
  const crashed = details.failed ? 1 : 0;
  failures += crashed;
  console.log(`${target.name.padEnd(24)} ${String(details.numRuns).padStart(7)} cases  ${String(crashed)} failed  ${ms} ms`);
  if (details.failed) console.log(fc.defaultReportMessage(details));
}
console.log(`${'total'.padEnd(24)} ${String(total).padStart(7)} cases  ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
