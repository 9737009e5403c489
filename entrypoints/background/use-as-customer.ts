// "Use as customer in MFA Desk": the phone number or email selected on a ticket or chat page becomes a customer, the
// empty one on screen if there is one, else a new one. Anything else, or a full desk, is said where MFA Desk opened.
import type { Rejection } from '@/lib/messaging/protocol';
import { newForm } from '@/lib/model/desk/popup-snapshot';
import { customerInSelection } from '@/lib/model/desk/selection';
import type { Draft } from '@/lib/model/desk/stored';
import type { Settings } from '@/lib/model/settings/settings';
import { allCustomers, formOf, selectedItem } from '@/lib/platform/storage/customer-store';
import { menuNoticeItem } from '@/lib/platform/storage/items';

export interface MenuDeps {
  newCustomer(given: Partial<Pick<Draft, 'identifierType' | 'identifierValue'>>): Promise<{ customerId: string } | Rejection>;
  settings(): Promise<Settings>;
}

export async function useAsCustomer(selection: string, { newCustomer, settings }: MenuDeps): Promise<void> {
  const given = customerInSelection(selection);
  if (!given) return menuNoticeItem.set({ notice: 'not-a-customer', at: Date.now() });
  const [selected, customers] = await Promise.all([selectedItem.get(), allCustomers()]);
  const onScreen = customers.find((customer) => customer.id === selected) ?? customers[0];
  const form = (await formOf(onScreen.id).get()) ?? newForm(await settings());
  if (!onScreen.session && !onScreen.auth && !form.identifierValue.trim()) return formOf(onScreen.id).set({ ...form, ...given });
  if ('rejected' in (await newCustomer(given))) await menuNoticeItem.set({ notice: 'desk-full', at: Date.now() });
}
