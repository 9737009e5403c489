import { clusterName } from '@/lib/capillary/clusters';
import { MAX_ATTEMPTS, SESSION_MINUTES } from '@/lib/capillary/defaults';
import { actionWords } from '@/lib/desk/outcome';
import type { MfaSession, SessionEvent } from '@/lib/desk/session';
import { HIDDEN } from '@/lib/format/mask';
import { isoUtc } from '@/lib/format/time';
import { Countdown } from './Countdown';

type Props = { session: MfaSession | null; now: number /** Screen-share mode: the session ID is hidden. */; hide: boolean };

const clock = (ms: number) => isoUtc(ms).slice(11, 19);

/** The MFA session being worked on: who it is for, how long it has left, and every OTP sent and code tried. */
export function SessionCard({ session, now, hide }: Props) {
  if (!session) return <p class="muted">No MFA session yet: send an OTP from the popup.</p>;
  const endsAt = session.beganAt + SESSION_MINUTES * 60_000;
  const first = session.events[0]?.action;
  const startedHere = first === 'startMfaSession' || first === 'verifyFirstFactor';
  return (
    <div class="session">
      <dl>
        <dt>Cluster</dt>
        <dd>{clusterName(session.apiBaseUrl)}</dd>
        <dt>Brand</dt>
        <dd>{session.brand}</dd>
        <dt>Customer</dt>
        <dd>{`${session.identifierType} ${session.maskedIdentifier}`}</dd>
        <dt>Device ID</dt>
        <dd>{session.deviceId}</dd>
        <dt>Session ID</dt>
        <dd>
          <code>{hide ? HIDDEN : session.sessionId}</code>
        </dd>
        <dt>Began</dt>
        <dd>
          {`${clock(session.beganAt)} UTC`}{' '}
          <span class="muted">{startedHere ? '(started from this desk)' : '(first call from this desk)'}</span>
        </dd>
        <dt>Session</dt>
        <dd>
          <Countdown at={endsAt} now={now} kind="expiry" /> <span class="muted">{`(Capillary’s default ${SESSION_MINUTES} minutes)`}</span>
        </dd>
      </dl>
      <ol class="timeline" aria-label="Session events">
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
  if (event.action === 'validateOtp') return `Validate attempt ${event.attempt} of ${MAX_ATTEMPTS}`;
  const words = actionWords(event.action);
  return event.ok ? words.done : words.name;
}
