import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { TextField } from '@/components/common/TextField';
import { MAX_REFERENCE } from '@/lib/model/desk/desk-keys';
import { t } from '@/lib/words/t';

type Props = {
  /** The ticket or chat reference kept with the customer, for the note and the history. */
  reference: string;
  busy: boolean;
  /** A word about the desk (full, a session left) or the note (copied). */
  notice: { alert: boolean; text: string } | null;
  onReference(reference: string): void;
  /** Close customer: its token, if any, is ended first. */
  onClose(): void;
  onCopyNote(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
  /** The shortcut list, once loaded (it loads when the agent first opens it). */
  Shortcuts: ComponentType | null;
  onHelp(open: boolean): void;
};

/** The ticket's reference and Copy note, Close customer, Open side panel, and the keyboard shortcuts. */
export function PopupFooter({ reference, busy, notice, onReference, onClose, onCopyNote, openPanel, Shortcuts, onHelp }: Props) {
  const [panelError, setPanelError] = useState<string | null>(null);
  return (
    <footer>
      {notice && (
        <p role={notice.alert ? 'alert' : 'status'} class={`outcome ${notice.alert ? 'error' : 'ok'}`}>
          {notice.text}
        </p>
      )}
      <TextField
        id="reference"
        label={t('reference')}
        value={reference}
        maxLength={MAX_REFERENCE}
        placeholder="#48213"
        onInput={onReference}
      />
      <div class="row buttons">
        <button type="button" onClick={onCopyNote}>
          {t('copyNote')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('closeCustomer')}
        </button>
        <button
          type="button"
          onClick={() => openPanel().catch((error: unknown) => setPanelError(error instanceof Error ? error.message : String(error)))}
        >
          {t('openSidePanel')}
        </button>
      </div>
      {panelError && (
        <p role="alert" class="outcome error">
          {t('sidePanelDidNotOpen', panelError)}
        </p>
      )}
      <details class="keys" onToggle={(event) => onHelp(event.currentTarget.open)}>
        <summary>{t('keyboardShortcuts')}</summary>
        {Shortcuts && <Shortcuts />}
      </details>
    </footer>
  );
}
