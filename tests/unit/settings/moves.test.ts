import { describe, expect, it } from 'vitest';
import { hostMoves } from '@/lib/model/settings/moves';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';

const EU = 'https://eu.api.capillarytech.com';
const US = 'https://us.api.capillarytech.com';
const base = { ...DEFAULT_SETTINGS, apiBaseUrl: EU };

describe('calls that a change of settings sends to another host', () => {
  it.each([
    [
      'nothing when only a path or a brand without its own cluster changes',
      base,
      { ...base, apiBaseUrl: `${EU}/v2`, brands: [{ brand: 'Nomad' }] },
      [],
    ],
    [
      'every brand not listed when the default moves',
      base,
      { ...base, apiBaseUrl: US },
      [{ brand: null, from: 'eu.api.capillarytech.com', to: 'us.api.capillarytech.com' }],
    ],
    [
      'a listed brand sent to its own host, matched in any case',
      { ...base, brands: [{ brand: 'Bukl' }] },
      { ...base, brands: [{ brand: 'BUKL', apiBaseUrl: 'https://collector.example' }] },
      [{ brand: 'BUKL', from: 'eu.api.capillarytech.com', to: 'collector.example' }],
    ],
    [
      'a brand taken off the list, back to the default',
      { ...base, brands: [{ brand: 'Bukl', apiBaseUrl: US }] },
      base,
      [{ brand: 'Bukl', from: 'us.api.capillarytech.com', to: 'eu.api.capillarytech.com' }],
    ],
  ])('names %s', (_name, before, after, moves) => {
    expect(hostMoves(before, after)).toEqual(moves);
  });
});
