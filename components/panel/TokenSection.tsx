import type { ComponentChildren } from 'preact';
import { decodeJwt } from '@/lib/model/jwt/decode';
import { jwtProblemText } from '@/lib/words/jwt';
import { t } from '@/lib/words/t';
import { DecodedJwt } from './DecodedJwt';
import { type CopyProps, SecretValue } from './SecretValue';

type Props = {
  which: 'token' | 'key';
  value: string;
  now: number;
  showPersonal: boolean;
  /** Screen-share mode (see SecretValue). */
  hide: boolean;
  /** The token's Copy (the key has none). */
  copy?: CopyProps;
  /** Actions on this token, shown under its value (Refresh token). */
  children?: ComponentChildren;
};

/** The returned token or key: masked with reveal (and, for the token, copy), then every claim explained. */
export function TokenSection({ which, value, now, showPersonal, hide, copy, children }: Props) {
  const decoded = decodeJwt(value);
  return (
    <>
      <SecretValue name={which} value={value} hide={hide} copy={copy} />
      {children}
      {decoded.ok ? (
        <DecodedJwt decoded={decoded} now={now} showPersonal={showPersonal} hide={hide} />
      ) : (
        <p role="alert" class="outcome error">
          {t(which === 'token' ? 'tokenNotDecodable' : 'keyNotDecodable', jwtProblemText(decoded))}
        </p>
      )}
    </>
  );
}
