import { clusterName } from '@/lib/model/capillary/clusters';
import { MAX_ATTEMPTS, SESSION_MINUTES } from '@/lib/model/capillary/defaults';
import type { Action } from '@/lib/model/desk/outcome';
import type { MfaSession, SessionEvent } from '@/lib/model/desk/session';
import { HIDDEN } from '@/lib/model/format/mask';
import { isoUtc } from '@/lib/model/format/time';
import { actionWords } from '@/lib/words/outcome-words';
import { t } from '@/lib/words/t';
import { Countdown } from './Countdown';

type Props = { session: MfaSession | null; now: number /** Screen-share mode: the session ID is hidden. */; hide: boolean };

const clock = (ms: number) => isoUtc(ms).slice(11, 19);

/** Whether a session whose first event is this action was opened from this desk (else it began elsewhere). */
const OPENS_SESSION: Record<Action, boolean> = {
  startMfaSession: true,
  verifyFirstFactor: true,
  sendFirstFactorOtp: false,
  sendOtp: false,
  validateOtp: false,
  refreshToken: false,
  endSession: false,
  autoEndSession: false,
};

/** The MFA session being worked on: who it is for, how long it has left, and every OTP sent and code tried. */
export function SessionCard({ session, now, hide }: Props) {
  if (!session) return <p class="muted">{t('noSessionYet')}</p>;
  const endsAt = session.beganAt + SESSION_MINUTES * 60_000;
  const first = session.events[0]?.action;
  const startedHere = first !== undefined && OPENS_SESSION[first];
  return (
    <div class="session">
      <dl>
        <dt>{t('cluster')}</dt>
        <dd>{clusterName(session.apiBaseUrl)}</dd>
        <dt>{t('brand')}</dt>
        <dd>{session.brand}</dd>
        <dt>{t('customer')}</dt>
        <dd>{`${session.identifierType} ${session.maskedIdentifier}`}</dd>
        <dt>{t('deviceId')}</dt>
        <dd>{session.deviceId}</dd>
        <dt>{t('sessionId')}</dt>
        <dd>
          <code>{hide ? HIDDEN : session.sessionId}</code>
        </dd>
        <dt>{t('began')}</dt>
        <dd>
          {t('beganAt', clock(session.beganAt))} <span class="muted">{t(startedHere ? 'startedHere' : 'firstCallHere')}</span>
        </dd>
        <dt>{t('foldSession')}</dt>
        <dd>
          {session.endedAt !== undefined ? (
            t('noteEnded', clock(session.endedAt))
          ) : (
            <>
              <Countdown at={endsAt} now={now} kind="expiry" /> <span class="muted">{t('sessionDefault', SESSION_MINUTES)}</span>
            </>
          )}
        </dd>
      </dl>
      <ol class="timeline" aria-label={t('sessionEvents')}>
        {session.events.map((event) => (
          <li key={`${event.at}-${event.action}`} class={event.ok ? 'ok' : 'bad'}>
            <span class="muted">{`${clock(event.at)} `}</span>
            {eventWords(event)}
            {` — ${event.code}`}
          </li>
        ))}
      </ol>
    </div>
  );
}

function eventWords(event: SessionEvent): string {
  if (event.action === 'validateOtp') return t('validateAttempt', event.attempt ?? 0, MAX_ATTEMPTS);
  const words = actionWords(event.action);
  return event.ok ? words.done : words.name;
}
