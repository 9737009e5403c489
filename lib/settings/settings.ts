import * as z from 'zod/mini';
import { CLUSTERS } from '@/lib/capillary/clusters';
import { readApiBaseUrl } from './api-base-url';

/** `npm start` builds with the sandbox's URL here; store builds default to the EU cluster. */
export const DEFAULT_API_BASE_URL: string = import.meta.env?.WXT_DEFAULT_API_BASE_URL || CLUSTERS[0].baseUrl;

export const Settings = z.object({
  apiBaseUrl: z.string().check(z.refine((url) => readApiBaseUrl(url).ok, 'Not an allowed API base URL.')),
  brand: z.string().check(z.maxLength(256)),
  deviceId: z.string().check(z.maxLength(256)),
  /** Seconds a new Send OTP for the same brand and identifier is held back after a successful send. */
  cooldownSeconds: z.number().check(z.int(), z.gte(0), z.lte(600)),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  brand: '',
  deviceId: '',
  cooldownSeconds: 30,
};
