// The desk's first customer, as the single-customer tests of desk.test.ts read and write it: each part of its record
// as an item, its form, and the desk's calls made for it; and any customer's record, straight from storage.

import { browser } from 'wxt/browser';
import type { Desk } from '@/entrypoints/background/desk/desk';
import { FIRST_CUSTOMER } from '@/lib/model/desk/desk-keys';
import type { CustomerRecord } from '@/lib/model/desk/stored';
import { deskPlaces, formOf } from '@/lib/platform/storage/customer-store';
import type { Memory } from '@/lib/platform/storage/memory';

/** The desk's places read and written as storage holds them, as a page or another worker would see them. */
const straight: Memory = {
  read: (item) => item.get(),
  write: (item, value) => item.set(value),
  remove: (items) => browser.storage.session.remove(items.map((item) => item.key)),
};
export const { record: customerRecord, update: updateCustomer } = deskPlaces(straight);

const part = <K extends keyof CustomerRecord>(key: K) => ({
  get: async () => (await customerRecord(FIRST_CUSTOMER))![key],
  set: async (value: CustomerRecord[K]) => {
    await updateCustomer(FIRST_CUSTOMER, (record) => ({ ...record, [key]: value }));
  },
});

export const activityItem = part('activity');
export const authItem = part('auth');
export const firstFactorItem = part('firstFactor');
export const mfaSessionItem = part('session');
export const draftItem = formOf(FIRST_CUSTOMER);

/** A reply as these tests read it: the outcome (a test of a refusal compares the whole reply). */
type Answered<A> = A extends Promise<infer V> ? Promise<Exclude<V, { rejected: string }>> : A;
type ForFirst<T> = {
  [K in keyof T]: T[K] extends (request: infer R) => infer A ? (request?: Omit<R & object, 'customerId'>) => Answered<A> : T[K];
};

/** The desk's calls, each for the first customer, answered once the writes that follow the reply have landed. */
export function forFirstCustomer(desk: Desk): ForFirst<Desk> {
  return new Proxy(desk, {
    get: (target, name: keyof Desk) => {
      const call = target[name] as (request: object) => Promise<unknown>;
      if (typeof call !== 'function' || name === 'settled') return call;
      return async (request: object = {}) => {
        const reply = await call({ ...request, customerId: FIRST_CUSTOMER });
        await target.settled();
        return reply;
      };
    },
  }) as unknown as ForFirst<Desk>;
}
