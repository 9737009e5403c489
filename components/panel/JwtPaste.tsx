import { decodeJwt } from '@/lib/model/jwt/decode';
import { jwtProblemText } from '@/lib/words/jwt';
import { t } from '@/lib/words/t';
import { DecodedJwt } from './DecodedJwt';

type Props = { text: string; onInput(text: string): void; now: number; showPersonal: boolean /** Screen-share mode. */; hide: boolean };

/** A box that decodes any JWT pasted into it. */
export function JwtPaste({ text, onInput, now, showPersonal, hide }: Props) {
  const decoded = text.trim() === '' ? null : decodeJwt(text);
  return (
    <div class="paste">
      <label for="paste-jwt">{t('pasteJwt')}</label>
      <textarea
        id="paste-jwt"
        class={hide ? 'masked' : undefined}
        rows={4}
        spellcheck={false}
        dir="auto"
        value={text}
        placeholder={t('pasteJwtHint')}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {decoded && !decoded.ok && (
        <p role="alert" class="outcome error">
          {jwtProblemText(decoded)}
        </p>
      )}
      {decoded?.ok && <DecodedJwt decoded={decoded} now={now} showPersonal={showPersonal} />}
    </div>
  );
}
