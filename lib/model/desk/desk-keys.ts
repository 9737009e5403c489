// Where each customer on the desk is kept, and how a customer is named: pure, for the popup before it is ready and
// for the background alike. A desk has ten places; a customer's ID names its place and when it was opened, so the
// background finds its record without a read, and an answer for a customer closed meanwhile never lands on the one
// opened in its place.

/** A chat agent holds up to ten conversations at once. */
export const MAX_CUSTOMERS = 10;
export const SLOTS: readonly number[] = Array.from({ length: MAX_CUSTOMERS }, (_, slot) => slot);

/** The customer a desk starts with: always there while no other is, so the popup never opens on nothing. */
export const FIRST_CUSTOMER = '0:0';

export const customerId = (slot: number, openedAt: number) => `${slot}:${openedAt}`;
export const CUSTOMER_ID = /^\d:\d{1,15}$/;

/** The place a customer ID names. */
export const slotOf = (id: string) => Number(id.split(':')[0]);

/** The background's record of the customer in a place (storage.session). */
export const recordKey = (slot: number) => `customer.${slot}`;
/** The form of the customer in a place, as the popup saves it while the agent types (storage.session). */
export const formKey = (slot: number) => `form.${slot}`;
/** The customer the popup and side panel show: choosing in one chooses in the other (storage.session). */
export const SELECTED_KEY = 'selectedCustomer';

/** Longest ticket or chat reference an agent may give a customer. */
export const MAX_REFERENCE = 64;
