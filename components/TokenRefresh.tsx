import { useState } from 'preact/hooks';
import type { Outcome } from '@/lib/desk/outcome';
import { actionWords } from '@/lib/desk/outcome-words';
import { t } from '@/lib/i18n/t';
import { OutcomeMessage } from './OutcomeMessage';

type Props = {
  now: number;
  /** Asks the background for a new token; resolves with the outcome, or the reason it was refused. */
  onRefresh(): Promise<Outcome | { rejected: string }>;
  /** "Start a new session", offered when the key was refused. */
  onStartOver(): Promise<void>;
};

type State = { state: 'idle' | 'busy' | 'restarted' } | { state: 'done'; outcome: Outcome } | { state: 'refused'; reason: string };

/** "Refresh token": the key buys a new token, which the panel shows as soon as the background stores it. */
export function TokenRefresh({ now, onRefresh, onStartOver }: Props) {
  const [shown, setShown] = useState<State>({ state: 'idle' });

  async function refresh() {
    setShown({ state: 'busy' });
    const answer = await onRefresh();
    setShown('rejected' in answer ? { state: 'refused', reason: answer.rejected } : { state: 'done', outcome: answer });
  }

  return (
    <div class="refresh">
      <button type="button" disabled={shown.state === 'busy'} onClick={refresh}>
        {t('refreshToken')}
      </button>
      {shown.state === 'busy' && (
        <p role="status" class="outcome busy">
          {actionWords('refreshToken').busy}
        </p>
      )}
      {shown.state === 'done' && (
        <OutcomeMessage view={shown} now={now} onStartOver={() => onStartOver().then(() => setShown({ state: 'restarted' }))} />
      )}
      {shown.state === 'refused' && (
        <p role="alert" class="outcome error">
          {t('notRefreshed', shown.reason)}
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
