// Capillary's clusters: ../shared/capillary-api/REFERENCE.md, "Hosts (clusters)".
// Keep in step with host_permissions in wxt.config.ts.
export const CLUSTERS = [
  { name: 'EU', baseUrl: 'https://eu.api.capillarytech.com' },
  { name: 'India', baseUrl: 'https://apac.api.capillarytech.com' },
  { name: 'APAC2', baseUrl: 'https://apac2.api.capillarytech.com' },
  { name: 'US', baseUrl: 'https://us.api.capillarytech.com' },
  { name: 'China', baseUrl: 'https://api.capillarytech.cn.com' },
] as const;

/** The cluster name for a base URL, or its host when it is a custom one. */
export function clusterName(baseUrl: string): string {
  const known = CLUSTERS.find((cluster) => cluster.baseUrl === baseUrl);
  if (known) return known.name;
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
