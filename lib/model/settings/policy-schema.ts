// The policy keys an organisation may set (storage.managed), as Chrome's managed_schema.json: written into the
// Chrome build by wxt.config.ts. Chrome drops a value of the wrong type before the extension sees it; everything
// else (a plain-http URL, a cooldown of 9000) is checked by lib/model/settings/managed.ts, which says what it ignored.
// Firefox reads the same keys from policies.json without a schema. README "For IT admins" documents each key.

export const MANAGED_SCHEMA = {
  type: 'object',
  properties: {
    apiBaseUrl: {
      title: 'API base URL',
      description: 'Where calls go by default: a Capillary cluster (https://eu.api.capillarytech.com) or your own https host.',
      type: 'string',
    },
    brand: { title: 'Default brand', description: 'The brand a new customer starts with in the popup.', type: 'string' },
    deviceId: { title: 'Default device ID', description: 'The device ID a new customer starts with in the popup.', type: 'string' },
    cooldownSeconds: {
      title: 'Send OTP cooldown (seconds)',
      description: 'How long a second Send OTP to the same customer is held back: 0 to 600.',
      type: 'integer',
    },
    idleMinutes: {
      title: 'End a verified session after N minutes without activity',
      description: 'A verified customer with no call for this many minutes has its session ended at Capillary: 0 (never) to 480.',
      type: 'integer',
    },
    lockSettings: {
      title: 'Lock settings',
      description: 'true: agents can change nothing on the Settings page, not even what this policy leaves unset.',
      type: 'boolean',
    },
    brands: {
      title: 'Brands and their clusters',
      description: 'Each brand is sent to its own cluster; a brand not listed, or listed without apiBaseUrl, goes to apiBaseUrl.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          brand: { type: 'string' },
          apiBaseUrl: { type: 'string' },
        },
      },
    },
  },
} as const;
