// How a customer's tab is named: the masked identifier and the brand ("•••••1754 Bukl"), from the form as typed, or
// from the session or token when the form is empty.
import { maskIdentifier } from '@/lib/model/format/mask';
import type { CustomerView } from './customer-view';
import type { Draft } from './stored';

export function customerLabel(view: CustomerView, form: Draft | undefined): string {
  if (form?.identifierValue.trim()) return `${maskIdentifier(form.identifierType, form.identifierValue)} ${form.brand.trim()}`.trim();
  return view.subject ? `${view.subject.maskedIdentifier} ${view.subject.brand}`.trim() : '';
}
