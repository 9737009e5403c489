import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CLUSTERS } from './lib/capillary/clusters';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT has no Preact module: the preset is a plain Vite plugin.
  vite: () => ({ plugins: [preact()], build: { sourcemap: false } }),
  outDir: process.env.MFA_DESK_OUT_DIR ?? '.output',
  manifest: {
    name: 'MFA Desk',
    description: 'Send and validate Capillary MFA OTPs for a customer, and inspect the tokens that come back.',
    permissions: ['storage'],
    host_permissions: CLUSTERS.map((cluster) => `${cluster.baseUrl}/*`),
    // A custom https cluster is asked for when it is saved in Settings, never up front.
    optional_host_permissions: ['https://*/*'],
  },
});
