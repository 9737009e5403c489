import { SESSION_MINUTES } from '@/lib/capillary/defaults';
import type { MfaSession } from '@/lib/desk/session';
import type { Decoded } from '@/lib/jwt/decode';
import type { Auth } from '@/lib/storage/items';
import { Countdown } from './Countdown';

type Props = {
  session: MfaSession | null;
  auth: Auth | null;
  /** The token, decoded (null when there is none). */
  token: Decoded | null;
  /** The customer's masked identifier, from the session or the token's validate. */
  customer: string | null;
  now: number;
};

/** "14:58": minutes and seconds left, for a token that lives 15 minutes. */
const mmss = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** What an agent needs at a glance, first in the side panel: who, the session, the token's state and role, MFA. */
export function SummaryCard({ session, auth, token, customer, now }: Props) {
  const payload = token?.ok && token.kind === 'jws' ? token.payload : null;
  const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : null;
  const role = typeof payload?.rol === 'string' ? payload.rol : null;
  return (
    <section class="summary" aria-label="Summary">
      <dl>
        <dt>Customer</dt>
        <dd>{customer ?? '—'}</dd>
        <dt>Session</dt>
        <dd>{session ? <Countdown at={session.beganAt + SESSION_MINUTES * 60_000} now={now} kind="expiry" /> : 'none yet'}</dd>
        <dt>Token</dt>
        <dd>
          {!auth ? (
            'none yet'
          ) : exp === null ? (
            'valid, no expiry'
          ) : exp > now ? (
            <span class="countdown">{`valid, expires in ${mmss(exp - now)}`}</span>
          ) : (
            <span class="countdown expired">expired</span>
          )}
        </dd>
        <dt>Role</dt>
        <dd>{role ?? '—'}</dd>
        <dt>MFA</dt>
        <dd>{auth ? 'done: the OTP was validated' : 'not yet'}</dd>
      </dl>
    </section>
  );
}
