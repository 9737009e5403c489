// Each setting's name as the options page labels it: for the notices that name a field.
import type { MessageKey } from '@/lib/i18n/en';
import type { Settings } from './settings';

export const FIELD_NAMES: Record<keyof Settings, MessageKey> = {
  apiBaseUrl: 'fieldApiBaseUrl',
  brand: 'fieldBrand',
  deviceId: 'fieldDeviceId',
  cooldownSeconds: 'fieldCooldown',
  brands: 'fieldBrands',
};
