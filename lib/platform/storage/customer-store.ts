// Where each customer's work is kept, and the only module that knows: the desk's ten places in storage.session, each
// with the background's record of a customer (what is in flight and how the last call ended, the first factor under
// way, the token and key, the MFA session) and its form. The desk, the pages, the popup snapshot, updates, the badge
// and host access all read customers through here.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { customerId, FIRST_CUSTOMER, formKey, recordKey, SELECTED_KEY, SLOTS, slotOf } from '@/lib/model/desk/desk-keys';
import { CustomerRecord, Draft } from '@/lib/model/desk/stored';
import { defineItem, type Item } from './define-item';
import type { Memory } from './memory';
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
  return onDesk(recordItems.map((item) => item.parse(stored[item.key])));
}

/** The records of the places taken; with none, the desk's first customer (not yet written): a desk is never empty. */
function onDesk(records: (CustomerRecord | null)[]): CustomerRecord[] {
  const customers = records.filter((record) => record !== null);
  return customers.length > 0 ? customers : [emptyRecord(FIRST_CUSTOMER, 0)];
}

/** The form of the customer in this place (written by the popup as the agent types, and by the desk after a call). */
export const formOf = (id: string): Item<Draft | null> => formItems[slotOf(id)];
export const formAt = (slot: number): Item<Draft | null> => formItems[slot];

// One change at a time per place (the desk's calls for one customer may end together), and one opening at a time.
const inPlace = SLOTS.map(() => serial());
const opening = serial();

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

/**
 * The desk's ten places: the records (and the forms a new or closed customer starts or ends with) read and written
 * one change at a time per place, through the background's memory of them (memory.ts): a call does not wait on
 * storage for the record the worker itself wrote. The records are written nowhere else.
 */
export function deskPlaces(memory: Memory) {
  /**
   * Changes one customer's record: read, changed, written, one change at a time. The record of another customer (one
   * opened in the place of this one, closed meanwhile) is left alone; the first customer is written on its first change.
   */
  function update(id: string, change: (record: CustomerRecord) => CustomerRecord | null): Promise<CustomerRecord | null> {
    const slot = slotOf(id);
    return inPlace[slot](async () => {
      const item = recordItems[slot];
      const stored = await memory.read(item);
      const current = stored ?? (id === FIRST_CUSTOMER ? emptyRecord(id, 0) : null);
      if (!current || current.id !== id) return null;
      const next = change(current);
      if (next === null) await memory.remove([item, formItems[slot]]);
      else if (next !== stored) await memory.write(item, next);
      return next;
    });
  }

  /** One customer's record, or null once it was closed. */
  async function record(id: string): Promise<CustomerRecord | null> {
    const stored = await memory.read(recordItems[slotOf(id)]);
    return stored?.id === id ? stored : id === FIRST_CUSTOMER && !stored ? emptyRecord(id, 0) : null;
  }

  /** Every place's record (null where none is). */
  const records = () => Promise.all(recordItems.map((item) => memory.read(item)));

  return {
    update,
    record,
    /** The customers on the desk, as `allCustomers` reads them, through the memory. */
    customers: async () => onDesk(await records()),

    /**
     * A new customer in the first free place, with its form; null when all ten are taken. One at a time, so two clicks
     * never take the same place; the desk's first customer is written too if it was not yet, so it stays on the desk.
     */
    open(openedAt: number, form: Draft): Promise<CustomerRecord | null> {
      return opening(async () => {
        const stored = await records();
        const taken = new Set(onDesk(stored).map((record) => slotOf(record.id)));
        const slot = SLOTS.find((place) => !taken.has(place));
        if (slot === undefined) return null;
        const opened = emptyRecord(customerId(slot, openedAt), openedAt);
        if (stored.every((record) => record === null)) await update(FIRST_CUSTOMER, (first) => first);
        // The form first: the record's change is what the pages and the snapshot follow.
        await formItems[slot].set(form);
        await memory.write(recordItems[slot], opened);
        return opened;
      });
    },

    store(id: string): CustomerStore {
      return {
        id,
        form: formOf(id),
        get: () => record(id),
        update: (change) => update(id, change),
        patch: async (parts) => {
          await update(id, (current) => ({ ...current, ...parts }));
        },
      };
    },
  };
}
