import { describe, expect, it } from 'vitest';
import { HIDDEN } from '@/lib/model/format/mask';
import { explainUser } from '@/lib/words/user-fields';
import { SEED_USER } from '../../fixtures/capillary';

const user = { ...SEED_USER, mobile: '18767431754', profile: { firstName: 'Asha' }, constructor: 'x' };

describe('the user fields', () => {
  it('hides fields the seed does not document until personal data is shown', () => {
    const hidden = explainUser(user);
    expect(hidden.find((field) => field.name === 'role')?.value).toBe('USER');
    expect(hidden.filter((field) => field.value === HIDDEN).map((field) => field.name)).toEqual(['mobile', 'profile', 'constructor']);
    expect(JSON.stringify(hidden)).not.toMatch(/1876|Asha/);
    const shown = explainUser(user, { showPersonal: true });
    expect(shown.find((field) => field.name === 'mobile')?.value).toBe('18767431754');
    expect(shown.find((field) => field.name === 'profile')?.value).toBe('{"firstName":"Asha"}');
  });
});
