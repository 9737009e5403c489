// What a team's IT sets through browser policy (storage.managed: Chrome's 3rdparty policy, checked against
// public/managed_schema.json; Firefox's policies.json → 3rdparty → Extensions). Each value is checked with the same
// schemas as the agent's own settings: a valid one wins over the agent's, an invalid one is reported and never used.
import { BrandClusterSchema, SettingsSchema } from './schema';
import { type BrandCluster, brandKey, DEFAULT_SETTINGS, MAX_BRANDS, type Settings } from './settings';

/** One policy value that is not valid: its key (`brands.2` for one entry of the brand list) and what it was. */
export interface InvalidPolicy {
  key: string;
  value: unknown;
}

export interface Managed {
  /** The valid policy values: they win over the agent's own. */
  values: Partial<Settings>;
  /** `lockSettings`: the agent may change nothing on the options page, not even what the policy leaves unset. */
  locked: boolean;
  invalid: InvalidPolicy[];
}

export const NO_POLICY: Managed = { values: {}, locked: false, invalid: [] };

type Field = keyof Settings;

/** Reads the policy object field by field; keys that are not policy keys are left out. */
export function readManaged(raw: unknown): Managed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const policy = raw as Record<string, unknown>;
  const values: Partial<Record<Field, unknown>> = {};
  const invalid: InvalidPolicy[] = [];
  for (const field of Object.keys(DEFAULT_SETTINGS) as Field[]) {
    const value = policy[field];
    if (value === undefined) continue;
    if (field === 'brands') {
      if (Array.isArray(value))
        values.brands = readBrandList(value, (index, entry) => invalid.push({ key: `brands.${index}`, value: entry }));
      else invalid.push({ key: 'brands', value });
      continue;
    }
    const parsed = SettingsSchema.shape[field].safeParse(value);
    if (parsed.success) values[field] = parsed.data;
    else invalid.push({ key: field, value });
  }
  const lock = policy.lockSettings;
  if (lock !== undefined && typeof lock !== 'boolean') invalid.push({ key: 'lockSettings', value: lock });
  return { values: values as Partial<Settings>, locked: lock === true, invalid };
}

/**
 * A brand list, entry by entry (the policy's and the agent's stored one alike): an invalid entry, or a second entry
 * for a brand already listed, is left out and reported by its index, and the others still hold.
 */
export function readBrandList(value: unknown[], onInvalid: (index: number, entry: unknown) => void): BrandCluster[] {
  const brands: BrandCluster[] = [];
  value.forEach((entry, index) => {
    const parsed = BrandClusterSchema.safeParse(entry);
    const listed = parsed.success && brands.some((brand) => brandKey(brand.brand) === brandKey(parsed.data.brand));
    if (parsed.success && !listed && brands.length < MAX_BRANDS) brands.push(parsed.data);
    else onInvalid(index, entry);
  });
  return brands;
}

/**
 * The settings calls use: the policy's valid values over the agent's own. Under `lockSettings` the agent's own are
 * not used at all, so that nothing the agent (or another machine through sync) wrote can route a call: the policy's
 * valid values over the defaults, and a value the policy got wrong is the default, never the agent's.
 */
export function effectiveSettings(own: Settings, managed: Managed): Settings {
  return { ...(managed.locked ? DEFAULT_SETTINGS : own), ...managed.values };
}
