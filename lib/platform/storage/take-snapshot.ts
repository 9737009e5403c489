// The popup's snapshot (lib/model/desk/popup-snapshot.ts) as storage holds it now: what the background writes, and
// the popup's own way when no background has written one yet.

import { CLUSTERS } from '@/lib/model/capillary/clusters';
import { viewCustomer } from '@/lib/model/desk/customer-view';
import { type PopupSnapshot, snapshotOf } from '@/lib/model/desk/popup-snapshot';
import { DEFAULT_API_BASE_URL } from '@/lib/model/settings/settings';
import { readSettingsState } from '@/lib/platform/settings/stored';
import { allCustomers } from './customer-store';
import { cooldownsItem, screenShareItem } from './items';

/** The snapshot as storage holds it now (also the popup's own way, when no background has written one yet). */
export async function takeSnapshot(): Promise<PopupSnapshot> {
  const [{ read, state }, customers, cooldowns, screenShare] = await Promise.all([
    readSettingsState(),
    allCustomers(),
    cooldownsItem.get(),
    screenShareItem.get(),
  ]);
  return snapshotOf({
    clusterChosen:
      read.stored === true ||
      state.managed.locked ||
      state.managed.values.apiBaseUrl !== undefined ||
      DEFAULT_API_BASE_URL !== CLUSTERS[0].baseUrl,
    settings: state.settings,
    settingsReset: read.reset,
    customers: customers.map(viewCustomer),
    cooldowns,
    screenShare,
  });
}
