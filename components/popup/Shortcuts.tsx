import { t } from '@/lib/words/t';

/** Every shortcut of the popup, in the order an agent meets them. Loaded when the agent opens the list. */
const SHORTCUTS = [
  ['keysTab', 'keysTabDoes'],
  ['keysCustomers', 'keysCustomersDoes'],
  ['keysNewCustomer', 'keysNewCustomerDoes'],
  ['keysEnterCustomer', 'keysEnterCustomerDoes'],
  ['keysEnterOtp', 'keysEnterOtpDoes'],
  ['keysEscape', 'keysEscapeDoes'],
  ['keysPanel', 'keysPanelDoes'],
] as const;

export function Shortcuts() {
  return (
    <dl class="shortcuts">
      {SHORTCUTS.map(([keys, what]) => (
        <div key={keys}>
          <dt>
            <kbd>{t(keys)}</kbd>
          </dt>
          <dd>{t(what)}</dd>
        </div>
      ))}
    </dl>
  );
}
