import type { DeskError } from '@/lib/model/capillary/errors';
import type { ActivityView } from '@/lib/model/desk/activity-view';
import type { Action } from '@/lib/model/desk/outcome';
import { actionWords } from '@/lib/words/outcome-words';
import { t } from '@/lib/words/t';
import { ago } from '@/lib/words/time';
import { useLazy } from './useLazy';

type Props = {
  view: ActivityView;
  now: number;
  /** "Start a new session", offered when the failure means the session cannot go on. */
  onStartOver?: () => void;
  /** Retry, offered when the call never got Capillary's answer (offline, a timeout, an interrupted call). */
  onRetry?: (action: Action) => void;
};

/** Failures where Capillary's own answer never came (offline, a timeout, a gateway's error page): the call may be made again. */
const RETRY_KINDS = new Set<DeskError['kind']>(['network', 'timeout', 'interrupted', 'http']);

const loadAlert = () => import('./OutcomeAlert').then((module) => module.OutcomeAlert);

/**
 * The one line that says how the last call went: a status when it worked or is under way, an alert when it failed.
 * The alert and its playbook load only when a call has failed.
 */
export function OutcomeMessage({ view, now, onStartOver, onRetry }: Props) {
  const failed = view.state === 'done' && !view.outcome.result.ok;
  const OutcomeAlert = useLazy(loadAlert, failed);
  if (view.state === 'idle') return <p role="status" class="outcome" />;
  if (view.state === 'busy') {
    return (
      <p role="status" class="outcome busy">
        {actionWords(view.inflight.action).busy}
      </p>
    );
  }
  const { outcome } = view;
  const who = `${outcome.subject.maskedIdentifier} · ${outcome.subject.brand}`;
  const words = actionWords(outcome.action);
  if (outcome.result.ok) {
    return (
      <p role="status" class="outcome ok">
        <strong>{words.done}</strong> <span class="muted">{t('outcomeFor', who, ago(outcome.finishedAt, now))}</span>
      </p>
    );
  }
  return (
    OutcomeAlert && (
      <OutcomeAlert
        error={outcome.result.error}
        attempt={outcome.attempt}
        context={t('actionFor', words.name, who, ago(outcome.finishedAt, now))}
        onStartOver={onStartOver}
        onRetry={onRetry && RETRY_KINDS.has(outcome.result.error.kind) ? () => onRetry(outcome.action) : undefined}
      />
    )
  );
}
