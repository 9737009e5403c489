// Where one customer's work is kept, and the only module that knows: the form, what is in flight and how the last call
// ended, the first factor under way, the token and key, and the MFA session. The desk reads and writes a customer's
// record through the store it is handed; several customers at once make this a map keyed by conversation.
import type { Activity } from '@/lib/model/desk/outcome';
import type { MfaSession } from '@/lib/model/desk/session';
import type { Auth, Draft, FirstFactor } from '@/lib/model/desk/stored';
import type { Item } from '@/lib/platform/storage/define-item';
import { activityItem, authItem, draftItem, firstFactorItem, mfaSessionItem } from '@/lib/platform/storage/items';

export interface CustomerStore {
  form: Item<Draft | null>;
  activity: Item<Activity>;
  firstFactor: Item<FirstFactor | null>;
  auth: Item<Auth | null>;
  session: Item<MfaSession | null>;
}

/** The customer the desk works for (today one, in storage.session). */
export function customerStore(): CustomerStore {
  return { form: draftItem, activity: activityItem, firstFactor: firstFactorItem, auth: authItem, session: mfaSessionItem };
}
