import { useState } from 'preact/hooks';
import { OutcomeMessage } from '@/components/common/OutcomeMessage';
import type { Outcome } from '@/lib/model/desk/outcome';
import type { RejectionCode } from '@/lib/model/desk/rejection';
import { actionWords } from '@/lib/words/outcome-words';
import { rejectionText } from '@/lib/words/rejection';
import { t } from '@/lib/words/t';

/** What the panel can do with the token it shows. */
export type TokenAction = 'refreshToken' | 'endSession';

type Props = {
  now: number;
  /** Asks the background for the action; resolves with the outcome, or the reason it was refused. */
  onAction(action: TokenAction): Promise<Outcome | { rejected: RejectionCode }>;
  /** "Start a new session", offered when the key was refused. */
  onStartOver(): Promise<void>;
};

type State =
  | { state: 'idle' | 'restarted' | 'confirming' }
  | { state: 'busy'; action: TokenAction }
  | { state: 'done'; outcome: Outcome }
  | { state: 'refused'; action: TokenAction; reason: RejectionCode };

/**
 * "Refresh token" (the key buys a new token, which the panel shows as soon as the background stores it) and "End
 * session" (Capillary expires the token; token, key and session are forgotten and the panel says so), asked for twice:
 * the customer would have to be verified again.
 */
export function TokenActions({ now, onAction, onStartOver }: Props) {
  const [shown, setShown] = useState<State>({ state: 'idle' });

  async function run(action: TokenAction) {
    setShown({ state: 'busy', action });
    const answer = await onAction(action);
    setShown('rejected' in answer ? { state: 'refused', action, reason: answer.rejected } : { state: 'done', outcome: answer });
  }

  return (
    <div class="refresh">
      <div class="row buttons">
        <button type="button" disabled={shown.state === 'busy'} onClick={() => run('refreshToken')}>
          {actionWords('refreshToken').name}
        </button>
        {/* Ends the customer's verification at Capillary: it looks it, and asks first. */}
        <button
          type="button"
          class="danger"
          disabled={shown.state === 'busy' || shown.state === 'confirming'}
          onClick={() => setShown({ state: 'confirming' })}
        >
          {actionWords('endSession').name}
        </button>
      </div>
      {shown.state === 'confirming' && (
        <div role="alertdialog" aria-labelledby="end-confirm" class="confirm">
          <p id="end-confirm">{t('endSessionConfirm')}</p>
          <div class="row buttons">
            <button type="button" class="danger" onClick={() => run('endSession')}>
              {t('endSessionYes')}
            </button>
            <button type="button" onClick={() => setShown({ state: 'idle' })}>
              {t('keepSession')}
            </button>
          </div>
        </div>
      )}
      {shown.state === 'busy' && (
        <p role="status" class="outcome busy">
          {actionWords(shown.action).busy}
        </p>
      )}
      {shown.state === 'done' && (
        <OutcomeMessage view={shown} now={now} onStartOver={() => onStartOver().then(() => setShown({ state: 'restarted' }))} />
      )}
      {shown.state === 'refused' && (
        <p role="alert" class="outcome error">
          {t(shown.action === 'refreshToken' ? 'notRefreshed' : 'notEnded', rejectionText(shown.reason))}
        </p>
      )}
      {shown.state === 'restarted' && (
        <p role="status" class="outcome ok">
          {t('sessionIdEmptied')}
        </p>
      )}
    </div>
  );
}
