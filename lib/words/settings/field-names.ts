// Each setting's name as the options page labels it: for the notices that name a field.

import type { Settings } from '@/lib/model/settings/settings';
import type { MessageKey } from '@/lib/words/en';

export const FIELD_NAMES: Record<keyof Settings, MessageKey> = {
  apiBaseUrl: 'fieldApiBaseUrl',
  brand: 'fieldBrand',
  deviceId: 'fieldDeviceId',
  cooldownSeconds: 'fieldCooldown',
  idleMinutes: 'fieldIdle',
  brands: 'fieldBrands',
};
