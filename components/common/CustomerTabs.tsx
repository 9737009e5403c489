import { useEffect } from 'preact/hooks';
import { type CustomerView, type Phase, phaseOf, SOON_MS } from '@/lib/model/desk/customer-view';
import { minutesSeconds } from '@/lib/model/format/time';
import { t } from '@/lib/words/t';

type Props = {
  customers: CustomerView[];
  /** Each customer's tab name: the masked identifier and brand ("•••••1754 Bukl"), from its form or its session. */
  labels: Record<string, string>;
  selected: string;
  now: number;
  onSelect(id: string): void;
  /** New customer: left out where the page does not offer it. */
  onNew?: () => void;
  busy?: boolean;
};

// Each made on first use, then kept: toLocaleTimeString with options builds a new formatter on every call, and every
// tab's clock is drawn again each second.
const clocks: Intl.DateTimeFormat[] = [];

/** "14:32" (or "14:32:10"), on the agent's clock. */
export function clockTime(ms: number, seconds = false): string {
  const kind = Number(seconds);
  clocks[kind] ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', ...(seconds && { second: '2-digit' }) });
  return clocks[kind].format(ms);
}

/** What a customer's tab says of where it stands, and whether it is nearly over. */
export function phaseWords(phase: Phase, now: number): { text: string; tone: string } {
  switch (phase.phase) {
    case 'verified':
      // A token without an end, in a session whose end is unknown: verified, with no time to give.
      return {
        text: Number.isFinite(phase.until) ? t('phaseVerifiedUntil', clockTime(phase.until)) : t('stepVerified'),
        tone: phase.until - now <= SOON_MS ? 'soon' : 'ok',
      };
    case 'expired':
      return { text: t('phaseExpired'), tone: 'over' };
    case 'waiting':
      return { text: t('phaseWaiting', minutesSeconds(phase.until - now)), tone: 'live' };
    case 'session':
      return { text: t('phaseSession', minutesSeconds(phase.until - now)), tone: 'live' };
    case 'ended':
      return { text: t(phase.auto ? 'phaseEndedAuto' : 'phaseEnded'), tone: 'over' };
    default:
      return { text: t('phaseNew'), tone: 'new' };
  }
}

/**
 * The desk's customers as tabs ("Customers"): each named by its masked identifier and brand, with where it stands and
 * for how long. Arrow keys, Home and End move between them (one tab stop, as a tablist should).
 */
export function CustomerTabs({ customers, labels, selected, now, onSelect, onNew, busy }: Props) {
  const index = Math.max(
    0,
    customers.findIndex((customer) => customer.id === selected),
  );
  // The chosen customer's tab is in view in the row, wherever it was chosen (here, in the other page, a new one).
  useEffect(() => {
    document.getElementById(`customer-${selected}`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected, customers.length]);
  const move = (event: KeyboardEvent) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: customers.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const rtl = document.documentElement.dir === 'rtl' && event.key.startsWith('Arrow');
    const next = customers[(((rtl ? 2 * index - to : to) % customers.length) + customers.length) % customers.length];
    onSelect(next.id);
    requestAnimationFrame(() => document.getElementById(`customer-${next.id}`)?.focus());
  };
  return (
    <div class="customers">
      <div role="tablist" aria-label={t('customers')} class="customer-tabs" onKeyDown={move}>
        {customers.map((customer, at) => {
          const words = phaseWords(phaseOf(customer, now), now);
          return (
            <button
              key={customer.id}
              id={`customer-${customer.id}`}
              type="button"
              role="tab"
              aria-selected={at === index}
              tabIndex={at === index ? 0 : -1}
              class={`customer-tab ${words.tone}`}
              onClick={() => onSelect(customer.id)}
            >
              <span class="who">{labels[customer.id] || t('customerUnnamed')}</span>
              <span class="phase">{words.text}</span>
            </button>
          );
        })}
      </div>
      {onNew && (
        <button type="button" class="new-customer" disabled={busy} onClick={onNew} aria-keyshortcuts="Alt+N">
          {t('newCustomer')}
        </button>
      )}
    </div>
  );
}
