import type { Decoded } from '@/lib/model/jwt/decode';
import { explainClaims } from '@/lib/words/claims';
import { t } from '@/lib/words/t';
import { ClaimTable } from './ClaimTable';

type Props = {
  decoded: Extract<Decoded, { ok: true }>;
  now: number;
  showPersonal: boolean;
  /** Screen-share mode: the claim tables are folded, and the customer's Capillary user ID hidden in them. */
  hide?: boolean;
};

/** A decoded JWT: header and payload claim tables, with what can and cannot be said about it. */
export function DecodedJwt({ decoded, now, showPersonal, hide = false }: Props) {
  const header = <ClaimTable caption={t('claimsHeader')} claims={explainClaims(decoded.header, { showPersonal, hide })} now={now} />;
  if (decoded.kind === 'jwe') {
    return (
      <div class="decoded">
        <p class="note">{t('jweNote')}</p>
        {header}
      </div>
    );
  }
  const exp = decoded.payload.exp;
  return (
    <div class="decoded">
      {decoded.unsigned && <p class="warning-line">{t('unsignedWarning')}</p>}
      {typeof exp === 'number' ? (
        exp * 1000 <= now && <p class="warning-line">{t('expiredWarning')}</p>
      ) : (
        <p class="note">{t('noExpiry')}</p>
      )}
      {hide ? (
        <details class="claims-folded">
          <summary>{t('claimsFolded')}</summary>
          {header}
          <ClaimTable caption={t('claimsPayload')} claims={explainClaims(decoded.payload, { showPersonal, hide })} now={now} />
        </details>
      ) : (
        <>
          {header}
          <ClaimTable caption={t('claimsPayload')} claims={explainClaims(decoded.payload, { showPersonal })} now={now} />
        </>
      )}
    </div>
  );
}
