// Where each customer's work is kept, and the only module that knows: the desk's ten places in storage.session, each
// with the background's record of a customer (what is in flight and how the last call ended, the first factor under
// way, the token and key, the MFA session) and its form. The desk, the pages, the popup snapshot, updates, the badge
// and host access all read customers through here.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { customerId, FIRST_CUSTOMER, formKey, recordKey, SELECTED_KEY, SLOTS, slotOf } from '@/lib/model/desk/desk-keys';
import { CustomerRecord, Draft } from '@/lib/model/desk/stored';
import { defineItem, type Item } from './define-item';
import { serial } from './serial';

const recordItems = SLOTS.map((slot) => defineItem<CustomerRecord | null>('session', recordKey(slot), z.nullable(CustomerRecord), null));
const formItems = SLOTS.map((slot) => defineItem<Draft | null>('session', formKey(slot), z.nullable(Draft), null));

/** The customer the popup and side panel show (an ID; the first customer on the desk when it names none still there). */
export const selectedItem = defineItem('session', SELECTED_KEY, z.string(), FIRST_CUSTOMER);

/** Every record's key, for whoever watches the desk as a whole. */
export const RECORD_KEYS = SLOTS.map(recordKey);

/** A customer who has done nothing yet: the desk's first one is this until its first call. */
export const emptyRecord = (id: string, openedAt: number): CustomerRecord => ({
  id,
  openedAt,
  lastActiveAt: openedAt,
  activity: { inflight: null, outcome: null },
  firstFactor: null,
  auth: null,
  session: null,
});

/**
 * The customers on the desk, in the order of their places, read in one call. With none, the desk's first customer
 * (not yet written): a desk is never empty.
 */
export async function allCustomers(): Promise<CustomerRecord[]> {
  const stored = await browser.storage.session.get(RECORD_KEYS);
  return customersIn(stored);
}

/** The customers in a bulk read or a change event's values (keyed by record key). */
export function customersIn(stored: Record<string, unknown>): CustomerRecord[] {
  const customers = recordItems.map((item) => item.parse(stored[item.key])).filter((record) => record !== null);
  return customers.length > 0 ? customers : [emptyRecord(FIRST_CUSTOMER, 0)];
}

/** The form of the customer in this place (written by the popup as the agent types, and by the desk after a call). */
export const formOf = (id: string): Item<Draft | null> => formItems[slotOf(id)];
export const formAt = (slot: number): Item<Draft | null> => formItems[slot];

// One change at a time per place (the desk's calls for one customer may end together), and one opening at a time.
const inPlace = SLOTS.map(() => serial());
const opening = serial();

/**
 * Changes one customer's record: read, changed, written, one change at a time. The record of another customer (one
 * opened in the place of this one, closed meanwhile) is left alone; the first customer is written on its first change.
 */
export function updateCustomer(id: string, change: (record: CustomerRecord) => CustomerRecord | null): Promise<CustomerRecord | null> {
  const slot = slotOf(id);
  return inPlace[slot](async () => {
    const item = recordItems[slot];
    const stored = await item.get();
    const current = stored ?? (id === FIRST_CUSTOMER ? emptyRecord(id, 0) : null);
    if (!current || current.id !== id) return null;
    const next = change(current);
    if (next === null) await browser.storage.session.remove([item.key, formItems[slot].key]);
    else if (next !== stored) await item.set(next);
    return next;
  });
}

/** One customer's record, or null once it was closed. */
export async function customerRecord(id: string): Promise<CustomerRecord | null> {
  const record = await recordItems[slotOf(id)].get();
  return record?.id === id ? record : id === FIRST_CUSTOMER && !record ? emptyRecord(id, 0) : null;
}

/**
 * A new customer in the first free place, with its form; null when all ten are taken. One at a time, so two clicks
 * never take the same place; the desk's first customer is written too if it was not yet, so it stays on the desk.
 */
export function openCustomer(openedAt: number, form: Draft): Promise<CustomerRecord | null> {
  return opening(async () => {
    const stored = await browser.storage.session.get(RECORD_KEYS);
    const customers = customersIn(stored);
    const taken = new Set(customers.map((record) => slotOf(record.id)));
    const slot = SLOTS.find((place) => !taken.has(place));
    if (slot === undefined) return null;
    const record = emptyRecord(customerId(slot, openedAt), openedAt);
    if (!RECORD_KEYS.some((key) => stored[key] != null)) await updateCustomer(FIRST_CUSTOMER, (first) => first);
    await browser.storage.session.set({ [recordItems[slot].key]: record, [formItems[slot].key]: Draft.parse(form) });
    return record;
  });
}

/** The record of one customer as a store of its parts, for the desk's calls (track.ts, first-factor.ts). */
export interface CustomerStore {
  id: string;
  form: Item<Draft | null>;
  get(): Promise<CustomerRecord | null>;
  /** Changes the record (nothing when the customer was closed); the record as written. */
  update(change: (record: CustomerRecord) => CustomerRecord | null): Promise<CustomerRecord | null>;
  /** Changes some parts of the record at once. */
  patch(parts: Partial<Omit<CustomerRecord, 'id' | 'openedAt'>>): Promise<void>;
}

export function customerStore(id: string): CustomerStore {
  return {
    id,
    form: formOf(id),
    get: () => customerRecord(id),
    update: (change) => updateCustomer(id, change),
    patch: async (parts) => {
      await updateCustomer(id, (record) => ({ ...record, ...parts }));
    },
  };
}
