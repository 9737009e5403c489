import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CLUSTERS } from './lib/capillary/clusters';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT has no Preact module: the preset is a plain Vite plugin.
  // Extension pages run in browsers that have modulepreload: no polyfill for it.
  vite: () => ({ plugins: [preact()], build: { sourcemap: false, modulePreload: { polyfill: false } } }),
  outDir: process.env.MFA_DESK_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'MFA Desk',
    description: 'Send and validate Capillary MFA OTPs for a customer, and inspect the tokens that come back.',
    // WXT adds sidePanel for Chrome, from the sidepanel entrypoint.
    permissions: ['storage', 'contextMenus'],
    host_permissions: CLUSTERS.map((cluster) => `${cluster.baseUrl}/*`),
    // A custom https cluster is asked for when it is saved in Settings, never up front.
    optional_host_permissions: ['https://*/*'],
    commands: {
      // Firefox opens its sidebar for this command by itself; Chrome's background opens the side panel.
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open the MFA Desk side panel',
      },
    },
  }),
});
