// Where one customer's work is kept, and the only module that knows: the form, what is in flight and how the last call
// ended, the first factor under way, the token and key, and the MFA session. The desk, the pages, the popup snapshot,
// updates, the badge and host access all read a customer's record through a store from here; several customers at
// once make this a map keyed by conversation.
import type { Activity } from '@/lib/model/desk/outcome';
import type { MfaSession } from '@/lib/model/desk/session';
import type { Auth, Draft, FirstFactor } from '@/lib/model/desk/stored';
import type { Item } from './define-item';
import { activityItem, authItem, draftItem, firstFactorItem, mfaSessionItem } from './items';

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
