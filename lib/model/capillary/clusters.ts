// Capillary's clusters: ../shared/capillary-api/REFERENCE.md, "Hosts (clusters)".
// Keep in step with host_permissions in wxt.config.ts.
export const CLUSTERS = [
  { name: 'EU', baseUrl: 'https://eu.api.capillarytech.com' },
  { name: 'India', baseUrl: 'https://apac.api.capillarytech.com' },
  { name: 'APAC2', baseUrl: 'https://apac2.api.capillarytech.com' },
  { name: 'US', baseUrl: 'https://us.api.capillarytech.com' },
  { name: 'China', baseUrl: 'https://api.capillarytech.cn.com' },
] as const;

/**
 * Whether this build keeps the doors the local sandbox needs (plain http to this machine). Store packages, built
 * with `wxt build --mode store` by `npm run release`, have none: the literals below are dropped from their bundles.
 */
export const SANDBOX_DOORS = import.meta.env?.MODE !== 'store';

/** Hosts that are this machine: the only ones plain http may reach (the sandbox), and none in a store package. */
export const LOOPBACK = new Set<string>(SANDBOX_DOORS ? ['127.0.0.1', 'localhost', '[::1]'] : []);

/**
 * Where calls go, as the band names it: one of the five clusters, a custom host (plain http one: "unencrypted"), or
 * the sandbox `npm start` built this extension for; any other loopback URL is custom like any host.
 */
export type Target =
  | { kind: 'cluster'; name: string }
  | { kind: 'custom' | 'sandbox'; name: 'Custom' | 'Sandbox'; host: string; unencrypted?: true };

export function targetOf(baseUrl: string): Target {
  const known = CLUSTERS.find((cluster) => cluster.baseUrl === baseUrl);
  if (known) return { kind: 'cluster', name: known.name };
  let host = baseUrl;
  let plain = false;
  try {
    const url = new URL(baseUrl);
    host = url.host;
    plain = url.protocol === 'http:';
  } catch {
    // Settings only ever hold a checked URL; an unparsable one is shown as it is, as custom.
  }
  if (SANDBOX_DOORS && baseUrl === import.meta.env?.WXT_DEFAULT_API_BASE_URL) return { kind: 'sandbox', name: 'Sandbox', host };
  return plain ? { kind: 'custom', name: 'Custom', host: `http://${host}`, unencrypted: true } : { kind: 'custom', name: 'Custom', host };
}

/** The cluster name for a base URL, or its host when it is a custom one or the sandbox. */
export function clusterName(baseUrl: string): string {
  const target = targetOf(baseUrl);
  return target.kind === 'cluster' ? target.name : target.host;
}
