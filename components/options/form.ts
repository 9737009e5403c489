// The options form as the page holds it: text as typed, the brand list's clusters by code, and the way between it and
// Settings. The selects' values are codes (custom, default); the agent reads their words (CLUSTER_LABELS).
import { CLUSTERS } from '@/lib/model/capillary/clusters';
import type { Settings } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';

/** One line of the brand list as the form holds it: the cluster chosen by name, the URL typed when it is custom. */
export type BrandRow = { brand: string; cluster: string; url: string };
/**
 * Every setting as the form holds it, keyed by Settings itself: text as typed (numbers too, checked on Save by
 * checkSettings, as an import is), the brand list as rows. A setting that is not text needs its way here.
 */
export type Form = { [Field in keyof Settings]: Field extends 'brands' ? BrandRow[] : string };

export const CUSTOM = 'custom';
export const DEFAULT = 'default';
export const CLUSTER_LABELS: Record<string, string> = { [CUSTOM]: t('customUrl'), [DEFAULT]: t('defaultCluster') };
export const PRESETS = [...CLUSTERS.map((cluster) => cluster.name), CUSTOM];

export function presetOf(url: string): string {
  return CLUSTERS.find((cluster) => cluster.baseUrl === url.trim().replace(/\/+$/, ''))?.name ?? CUSTOM;
}

export function formOf(settings: Settings): Form {
  return {
    ...settings,
    cooldownSeconds: String(settings.cooldownSeconds),
    idleMinutes: String(settings.idleMinutes),
    brands: settings.brands.map(({ brand, apiBaseUrl }) => ({
      brand,
      cluster: apiBaseUrl ? presetOf(apiBaseUrl) : DEFAULT,
      url: apiBaseUrl && presetOf(apiBaseUrl) === CUSTOM ? apiBaseUrl : '',
    })),
  };
}

/** The brand list as checkSettings reads it: no URL for the default cluster. */
export const brandsOf = (rows: BrandRow[]) =>
  rows.map(({ brand, cluster, url }) => ({
    brand,
    apiBaseUrl: cluster === DEFAULT ? null : cluster === CUSTOM ? url : CLUSTERS.find((preset) => preset.name === cluster)?.baseUrl,
  }));
