// A fixed-seed share of `npm run fuzz`, in every `npm test`.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../fuzz/targets';

describe('fuzz (fixed seed, small share)', () => {
  it.each(TARGETS.map((target) => [target.name, target] as const))(
    '%s: any input gives a value or a typed error',
    async (_name, target) => {
      const details = await target.check({ numRuns: Math.ceil(target.runs / 100), seed: 42 });
      expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
      expect(details.numRuns).toBe(Math.ceil(target.runs / 100));
    },
  );
});
