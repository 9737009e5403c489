// The checks every settings value passes, wherever it comes from (storage.sync, an earlier version's copy, an
// imported file, the policy): zod schemas of the shapes in settings.ts. Not for the popup, which draws from what the
// background already checked.
import * as z from 'zod/mini';
import { invisibleIn } from '@/lib/model/format/invisible';
import { readApiBaseUrl } from './api-base-url';
import { type BrandCluster, brandKey, MAX_BRANDS, type Settings } from './settings';

/** An allowed API base URL, kept in its one written form (no trailing slash). */
const ApiBaseUrl = z.string().check(
  z.refine((url) => readApiBaseUrl(url).ok, 'Not an allowed API base URL.'),
  z.overwrite((url) => {
    const read = readApiBaseUrl(url);
    return read.ok ? read.url : url;
  }),
);

/** No bidi control or invisible format character: a brand that reads "Bukl" must be "Bukl" (format/invisible.ts). */
const visible = z.refine<string>((text) => invisibleIn(text) === null, 'Holds an invisible or direction-changing character.');

export const BrandClusterSchema = z.object({
  brand: z.string().check(z.trim(), z.minLength(1), z.maxLength(256), visible),
  apiBaseUrl: z.optional(ApiBaseUrl),
}) satisfies z.ZodMiniType<BrandCluster>;

export const SettingsSchema = z.object({
  apiBaseUrl: ApiBaseUrl,
  brand: z.string().check(z.maxLength(256), visible),
  deviceId: z.string().check(z.maxLength(256), visible),
  cooldownSeconds: z.number().check(z.int(), z.gte(0), z.lte(600)),
  idleMinutes: z.number().check(z.int(), z.gte(0), z.lte(480)),
  brands: z.array(BrandClusterSchema).check(
    z.maxLength(MAX_BRANDS),
    z.refine((brands) => new Set(brands.map((entry) => brandKey(entry.brand))).size === brands.length, 'A brand is listed twice.'),
  ),
}) satisfies z.ZodMiniType<Settings>;
