import * as z from 'zod/mini';
import { CLUSTERS } from '@/lib/capillary/clusters';
import { readApiBaseUrl } from './api-base-url';

/** `npm start` builds with the sandbox's URL here; store builds default to the EU cluster. */
export const DEFAULT_API_BASE_URL: string = import.meta.env?.WXT_DEFAULT_API_BASE_URL || CLUSTERS[0].baseUrl;

/** An allowed API base URL, kept in its one written form (no trailing slash). */
const ApiBaseUrl = z.string().check(
  z.refine((url) => readApiBaseUrl(url).ok, 'Not an allowed API base URL.'),
  z.overwrite((url) => {
    const read = readApiBaseUrl(url);
    return read.ok ? read.url : url;
  }),
);

/** At most this many brands in the brand → cluster list. */
export const MAX_BRANDS = 100;

/** A brand and the cluster its customers are on; without one, its calls go to the default API base URL. */
export const BrandCluster = z.object({
  brand: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  apiBaseUrl: z.optional(ApiBaseUrl),
});
export type BrandCluster = z.infer<typeof BrandCluster>;

/** The key two entries of the brand list may not share: the name as typed in the popup, in any case. */
export const brandKey = (brand: string) => brand.trim().toLowerCase();

/** The version of these settings' shape: in storage.sync and in an exported file. */
export const SETTINGS_VERSION = 3;

export const Settings = z.object({
  apiBaseUrl: ApiBaseUrl,
  brand: z.string().check(z.maxLength(256)),
  deviceId: z.string().check(z.maxLength(256)),
  /** Seconds a new Send OTP for the same brand and identifier is held back after a successful send. */
  cooldownSeconds: z.number().check(z.int(), z.gte(0), z.lte(600)),
  brands: z.array(BrandCluster).check(
    z.maxLength(MAX_BRANDS),
    z.refine((brands) => new Set(brands.map((entry) => brandKey(entry.brand))).size === brands.length, 'A brand is listed twice.'),
  ),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  brand: '',
  deviceId: '',
  cooldownSeconds: 30,
  brands: [],
};

/** This brand's entry on the brand list, matched in any case. */
export function listedBrand(settings: Pick<Settings, 'brands'>, brand: string): BrandCluster | undefined {
  const key = brandKey(brand);
  return settings.brands.find((entry) => brandKey(entry.brand) === key);
}

/** Where a customer of this brand is served: the brand's cluster from the list, else the default API base URL. */
export function apiBaseUrlFor(settings: Pick<Settings, 'apiBaseUrl' | 'brands'>, brand: string): string {
  return listedBrand(settings, brand)?.apiBaseUrl ?? settings.apiBaseUrl;
}
