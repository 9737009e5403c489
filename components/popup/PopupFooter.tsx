import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/words/t';

type Props = {
  /** A validated token is held: End session is offered. */
  canEnd: boolean;
  busy: boolean;
  onEnd(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
  /** The shortcut list, once loaded (it loads when the agent first opens it). */
  Shortcuts: ComponentType | null;
  onHelp(open: boolean): void;
};

/** End session, Open side panel, and the keyboard shortcuts. */
export function PopupFooter({ canEnd, busy, onEnd, openPanel, Shortcuts, onHelp }: Props) {
  const [panelError, setPanelError] = useState<string | null>(null);
  return (
    <footer>
      {canEnd && (
        <button type="button" disabled={busy} onClick={onEnd}>
          {t('endSession')}
        </button>
      )}
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
