import { describe, expect, it } from 'vitest';
import { CLUSTERS, clusterName, targetOf } from '@/lib/capillary/clusters';

describe('where the calls go (the band)', () => {
  it.each(CLUSTERS.map((cluster) => [cluster.baseUrl, cluster.name]))('names %s as %s', (baseUrl, name) => {
    expect(targetOf(baseUrl)).toEqual({ kind: 'cluster', name });
  });

  it.each([
    ['https://eu-auth-api.capillarytech.com', 'eu-auth-api.capillarytech.com'],
    ['https://auth.brand.example/capillary', 'auth.brand.example'],
    ['https://eu.api.capillarytech.com:8443', 'eu.api.capillarytech.com:8443'],
  ])('calls %s custom, with its host', (baseUrl, host) => {
    expect(targetOf(baseUrl)).toEqual({ kind: 'custom', name: 'Custom', host });
  });

  it.each([
    ['http://127.0.0.1:8787', '127.0.0.1:8787'],
    ['http://localhost:8787', 'localhost:8787'],
    ['http://[::1]:8787', '[::1]:8787'],
  ])('calls %s the sandbox', (baseUrl, host) => {
    expect(targetOf(baseUrl)).toEqual({ kind: 'sandbox', name: 'Sandbox', host });
  });

  it('files history under the cluster name, or the host', () => {
    expect(clusterName('https://apac2.api.capillarytech.com')).toBe('APAC2');
    expect(clusterName('http://127.0.0.1:8787')).toBe('127.0.0.1:8787');
  });
});
