import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/words/t';

type Props = {
  /** A validated token is held: End session is offered. */
  canEnd: boolean;
  busy: boolean;
  /** A word about the desk (full) or the note (copied). */
  notice: { alert: boolean; text: string } | null;
  onEnd(): void;
  /** Close customer: its token, if any, is ended first. */
  onClose(): void;
  onCopyNote(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
  /** The shortcut list, once loaded (it loads when the agent first opens it). */
  Shortcuts: ComponentType | null;
  onHelp(open: boolean): void;
};

/** End session, Copy note, Close customer, Open side panel, and the keyboard shortcuts. */
export function PopupFooter({ canEnd, busy, notice, onEnd, onClose, onCopyNote, openPanel, Shortcuts, onHelp }: Props) {
  const [panelError, setPanelError] = useState<string | null>(null);
  return (
    <footer>
      {notice && (
        <p role={notice.alert ? 'alert' : 'status'} class={`outcome ${notice.alert ? 'error' : 'ok'}`}>
          {notice.text}
        </p>
      )}
      <div class="row buttons">
        {canEnd && (
          <button type="button" disabled={busy} onClick={onEnd}>
            {t('endSession')}
          </button>
        )}
        <button type="button" onClick={onCopyNote}>
          {t('copyNote')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('closeCustomer')}
        </button>
      </div>
      <button
        type="button"
        onClick={() => openPanel().catch((error: unknown) => setPanelError(error instanceof Error ? error.message : String(error)))}
      >
        {t('openSidePanel')}
      </button>
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
