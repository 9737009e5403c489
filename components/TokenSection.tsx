import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/t';
import { decodeJwt } from '@/lib/jwt/decode';
import type { Cleared } from '@/lib/platform/clipboard';
import { DecodedJwt } from './DecodedJwt';
import { SecretValue } from './SecretValue';

type Props = {
  title: 'Token' | 'Key';
  value: string;
  now: number;
  showPersonal: boolean;
  /** Screen-share mode (see SecretValue). */
  hide: boolean;
  onCopy(value: string): Promise<{ cleared: Promise<Cleared> }>;
  /** Actions on this token, shown under its value (Refresh token). */
  children?: ComponentChildren;
};

/** The returned token or key: masked with reveal and copy, then every claim explained (the content of its fold). */
export function TokenSection({ title, value, now, showPersonal, hide, onCopy, children }: Props) {
  const decoded = decodeJwt(value);
  return (
    <>
      <SecretValue name={title === 'Token' ? 'token' : 'key'} value={value} hide={hide} onCopy={onCopy} />
      {children}
      {decoded.ok ? (
        <DecodedJwt decoded={decoded} now={now} showPersonal={showPersonal} />
      ) : (
        <p role="alert" class="outcome error">
          {t(title === 'Token' ? 'tokenNotDecodable' : 'keyNotDecodable', decoded.message)}
        </p>
      )}
    </>
  );
}
