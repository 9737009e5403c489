import { describe, expect, it, vi } from 'vitest';
import { CLUSTERS, clusterName, targetOf } from '@/lib/model/capillary/clusters';

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

  it('calls the sandbox npm start built it for the sandbox', () => {
    vi.stubEnv('WXT_DEFAULT_API_BASE_URL', 'http://127.0.0.1:8787');
    expect(targetOf('http://127.0.0.1:8787')).toEqual({ kind: 'sandbox', name: 'Sandbox', host: '127.0.0.1:8787' });
    vi.unstubAllEnvs();
  });

  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:9999', 'http://localhost:9999'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('calls any other plain-http URL %s custom and unencrypted', (baseUrl, host) => {
    vi.stubEnv('WXT_DEFAULT_API_BASE_URL', 'http://127.0.0.1:1234');
    expect(targetOf(baseUrl)).toEqual({ kind: 'custom', name: 'Custom', host, unencrypted: true });
    vi.unstubAllEnvs();
  });

  it('files history under the cluster name, or the host', () => {
    expect(clusterName('https://apac2.api.capillarytech.com')).toBe('APAC2');
    expect(clusterName('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
  });
});
