import type { DeskError } from '@/lib/model/capillary/errors';
import { adviseOn } from '@/lib/words/advice';
import { t } from '@/lib/words/t';

type Props = {
  error: DeskError;
  attempt?: number;
  /** What was tried, for whom, when: "Send OTP for •••1754 · Bukl, just now". */
  context: string;
  onStartOver?: () => void;
  onRetry?: () => void;
};

/** A failed call: Capillary's code and message verbatim, what happened, the next step, and a way to start over. */
export function OutcomeAlert({ error, attempt, context, onStartOver, onRetry }: Props) {
  const advice = adviseOn(error, { attempt });
  return (
    <div role="alert" class="outcome error">
      <p>
        <strong>{advice.summary}</strong>
      </p>
      {advice.happened && <p>{advice.happened}</p>}
      {advice.nextStep && <p>{t('adviceNext', advice.nextStep)}</p>}
      {onRetry && (
        <button type="button" class="primary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
      {advice.startOver && onStartOver && (
        <button type="button" onClick={onStartOver}>
          {t('startNewSession')}
        </button>
      )}
      {error.kind === 'bad-response' && (
        <details>
          <summary>{t('replyAsReceived')}</summary>
          <pre>{error.body}</pre>
        </details>
      )}
      <p class="muted">{context}</p>
    </div>
  );
}
