// The popup's snapshot (lib/model/desk/popup-snapshot.ts) as storage holds it now: what the background writes, and
// the popup's own way when no background has written one yet.
import { type FirstFactorView, type PopupSnapshot, snapshotOf } from '@/lib/model/desk/popup-snapshot';
import type { FirstFactor } from '@/lib/model/desk/stored';
import { readSettingsState } from '@/lib/platform/settings/stored';
import { customerStore } from './customer-store';
import { cooldownsItem, screenShareItem } from './items';

/** The popup never holds the first factor's token: only for whom it is and whether it is verified. */
const firstFactorView = (firstFactor: FirstFactor | null): FirstFactorView | null =>
  firstFactor && { apiBaseUrl: firstFactor.apiBaseUrl, customer: firstFactor.customer, verified: Boolean(firstFactor.authorizedToken) };

/** The snapshot as storage holds it now (also the popup's own way, when no background has written one yet). */
export async function takeSnapshot(): Promise<PopupSnapshot> {
  const customer = customerStore();
  const [{ read, state }, activity, cooldowns, auth, firstFactor, screenShare] = await Promise.all([
    readSettingsState(),
    customer.activity.get(),
    cooldownsItem.get(),
    customer.auth.get(),
    customer.firstFactor.get(),
    screenShareItem.get(),
  ]);
  return snapshotOf({
    settings: state.settings,
    settingsReset: read.reset,
    activity,
    cooldowns,
    hasToken: auth !== null,
    firstFactor: firstFactorView(firstFactor),
    screenShare,
  });
}
