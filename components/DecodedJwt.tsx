import { explainClaims } from '@/lib/jwt/claims';
import type { Decoded } from '@/lib/jwt/decode';
import { ClaimTable } from './ClaimTable';

type Props = { decoded: Extract<Decoded, { ok: true }>; now: number; showPersonal: boolean };

/** A decoded JWT: header and payload claim tables, with what can and cannot be said about it. */
export function DecodedJwt({ decoded, now, showPersonal }: Props) {
  const header = <ClaimTable caption="Header" claims={explainClaims(decoded.header, { showPersonal })} now={now} />;
  if (decoded.kind === 'jwe') {
    return (
      <div class="decoded">
        <p class="note">Encrypted (JWE, 5 parts): only its header can be read; the payload needs the recipient’s key.</p>
        {header}
      </div>
    );
  }
  const exp = decoded.payload.exp;
  return (
    <div class="decoded">
      {decoded.unsigned && <p class="warning-line">Unsigned (alg “none”): anyone could have written this token.</p>}
      {typeof exp === 'number' ? exp * 1000 <= now && <p class="warning-line">Expired.</p> : <p class="note">No expiry (no exp claim).</p>}
      {header}
      <ClaimTable caption="Payload" claims={explainClaims(decoded.payload, { showPersonal })} now={now} />
    </div>
  );
}
