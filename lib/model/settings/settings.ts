// The settings as every part uses them: their shape, defaults and where a brand's calls go. Pure (no zod, no
// browser), so that the popup draws itself without building a schema; the schemas that check stored, synced, imported
// and policy values are in schema.ts.
import { CLUSTERS } from '@/lib/model/capillary/clusters';

/** `npm start` builds with the sandbox's URL here; store builds default to the EU cluster. */
export const DEFAULT_API_BASE_URL: string = import.meta.env?.WXT_DEFAULT_API_BASE_URL || CLUSTERS[0].baseUrl;

/** At most this many brands in the brand → cluster list. */
export const MAX_BRANDS = 100;

/** A brand and the cluster its customers are on; without one, its calls go to the default API base URL. */
export interface BrandCluster {
  brand: string;
  apiBaseUrl?: string;
}

export interface Settings {
  apiBaseUrl: string;
  brand: string;
  deviceId: string;
  /** Seconds a new Send OTP for the same brand and identifier is held back after a successful send. */
  cooldownSeconds: number;
  /** Minutes without a call after which a verified customer's session is ended (0: never). */
  idleMinutes: number;
  brands: BrandCluster[];
}

/** The key two entries of the brand list may not share: the name as typed in the popup, in any case. */
export const brandKey = (brand: string) => brand.trim().toLowerCase();

/** The version of these settings' shape: in storage.sync and in an exported file. */
export const SETTINGS_VERSION = 3;

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  brand: '',
  deviceId: '',
  cooldownSeconds: 30,
  idleMinutes: 15,
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
