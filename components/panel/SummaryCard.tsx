import { phaseWords } from '@/components/common/CustomerTabs';
import { SESSION_MINUTES } from '@/lib/model/capillary/defaults';
import { type CustomerView, phaseOf } from '@/lib/model/desk/customer-view';
import type { MfaSession } from '@/lib/model/desk/session';
import type { Auth } from '@/lib/model/desk/stored';
import { minutesSeconds } from '@/lib/model/format/time';
import type { Decoded } from '@/lib/model/jwt/decode';
import { t } from '@/lib/words/t';
import { Countdown } from './Countdown';

type Props = {
  session: MfaSession | null;
  auth: Auth | null;
  /** The token, decoded (null when there is none). */
  token: Decoded | null;
  /** The customer's masked identifier, from the session or the token's validate. */
  customer: string | null;
  /** The customer's view: until when it is verified. */
  view: CustomerView;
  now: number;
};

/** What an agent needs at a glance, first in the side panel: who, the session, the token's state and role, MFA. */
export function SummaryCard({ session, auth, token, customer, view, now }: Props) {
  const payload = token?.ok && token.kind === 'jws' ? token.payload : null;
  const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : null;
  const role = typeof payload?.rol === 'string' ? payload.rol : null;
  const verified = phaseWords(phaseOf(view, now), now);
  return (
    <section class="summary" aria-label={t('summary')}>
      <dl>
        <dt>{t('customer')}</dt>
        <dd>{customer ?? '—'}</dd>
        <dt>{t('foldSession')}</dt>
        <dd>{session ? <Countdown at={session.beganAt + SESSION_MINUTES * 60_000} now={now} kind="expiry" /> : t('summaryNoneYet')}</dd>
        <dt>{t('foldToken')}</dt>
        <dd>
          {!auth ? (
            t('summaryNoneYet')
          ) : exp === null ? (
            t('summaryTokenNoExpiry')
          ) : exp > now ? (
            <span class="countdown">{t('summaryTokenValid', minutesSeconds(exp - now))}</span>
          ) : (
            <span class="countdown expired">{t('summaryTokenExpired')}</span>
          )}
        </dd>
        <dt>{t('summaryRole')}</dt>
        <dd>{role ?? '—'}</dd>
        <dt>{t('summaryMfa')}</dt>
        <dd>{auth ? <span class={`phase ${verified.tone}`}>{verified.text}</span> : t('summaryMfaNotYet')}</dd>
      </dl>
    </section>
  );
}
