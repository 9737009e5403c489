// What the popup says about the desk rather than a call: a selection on a page that made no customer, a full desk,
// the ticket's note copied (or not), a session left behind when the form was changed to another customer. One line at a time, until the next action or customer.
import { useState } from 'preact/hooks';
import { loadOnce } from '@/components/common/load-once';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import type { MenuNoticeCode } from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import { menuNoticeText } from '@/lib/words/menu-notice';
import type { PopupClient } from './client';

export type DeskWords = { alert: boolean; text: string };

const loadNote = loadOnce(() => import('@/lib/words/note'));
const alertOf = (code: MenuNoticeCode | null) => code && { alert: true, text: menuNoticeText(code) };

export function useDeskWords(client: PopupClient, menuNotice: MenuNoticeCode | null) {
  const [words, setWords] = useState<DeskWords | null>(alertOf(menuNotice));
  // A new customer is being opened: the form on screen takes no keystroke meanwhile (they would land on the last one).
  const [opening, setOpening] = useState(false);

  /** New customer: on screen as soon as the background has made a place for it, or why not. */
  async function newCustomer(select: (id: string) => void) {
    setOpening(true);
    const answer = await client.ask('newCustomer', {});
    setOpening(false);
    if (!('rejected' in answer)) return select(answer.customerId);
    setWords({ alert: true, text: (await import('@/lib/words/rejection')).refusal(answer.rejected) });
  }

  /** Copy note: the ticket's line for this customer on the clipboard. */
  async function copyNote(customer: CustomerView, form: Draft) {
    const { noteOf, noteCopied } = await loadNote();
    const copied = await navigator.clipboard.writeText(noteOf(customer, form)).then(
      () => true,
      () => false,
    );
    setWords(noteCopied(copied));
  }

  return {
    words,
    opening,
    clear: () => setWords(null),
    say: setWords,
    /** A selection on a page made no customer (heard while the popup is open). */
    heard: (code: MenuNoticeCode | null | undefined) => code && setWords(alertOf(code)),
    newCustomer,
    copyNote,
  };
}
