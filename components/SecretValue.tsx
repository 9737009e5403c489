import { useState } from 'preact/hooks';
import { HIDDEN } from '@/lib/format/mask';
import type { MessageKey } from '@/lib/i18n/en';
import { t } from '@/lib/i18n/t';
import type { Cleared } from '@/lib/platform/clipboard';

type Props = {
  /** Which secret: the returned token, or the key. */
  name: 'token' | 'key';
  value: string;
  /** Screen-share mode: nothing of the value on screen, and Reveal disabled. */
  hide: boolean;
  /** Copies the value; `cleared` settles once the clipboard was (or could not be) cleared. */
  onCopy(value: string): Promise<{ cleared: Promise<Cleared> }>;
};

type CopyState = 'copied' | 'copy-failed' | Cleared | null;

const WORDS = {
  token: {
    reveal: 'revealToken',
    hide: 'hideToken',
    copy: 'copyToken',
    copied: 'tokenCopied',
    cleared: 'tokenCleared',
    changed: 'clipboardChanged',
    'copy-failed': 'tokenCopyFailed',
    failed: 'tokenClearFailed',
  },
  key: {
    reveal: 'revealKey',
    hide: 'hideKey',
    copy: 'copyKey',
    copied: 'keyCopied',
    cleared: 'keyCleared',
    changed: 'clipboardChanged',
    'copy-failed': 'keyCopyFailed',
    failed: 'keyClearFailed',
  },
} as const satisfies Record<Props['name'], Record<string, MessageKey>>;

/** A secret kept masked on screen until the agent reveals it, with a copy button that works either way. */
export function SecretValue({ name, value, hide, onCopy }: Props) {
  const [shown, setShown] = useState(false);
  const [copy, setCopy] = useState<CopyState>(null);
  const words = WORDS[name];
  return (
    <div class="secret">
      <code class="secret-value">{hide ? HIDDEN : shown ? value : t('secretHidden', value.length)}</code>
      <div class="row buttons">
        <button type="button" disabled={hide} onClick={() => setShown(!shown)}>
          {t(shown && !hide ? words.hide : words.reveal)}
        </button>
        <button
          type="button"
          onClick={() =>
            onCopy(value).then(
              ({ cleared }) => {
                setCopy('copied');
                cleared.then(setCopy);
              },
              () => setCopy('copy-failed'),
            )
          }
        >
          {t(words.copy)}
        </button>
      </div>
      {copy &&
        (copy === 'copy-failed' || copy === 'failed' ? (
          <p role="alert">{t(words[copy])}</p>
        ) : (
          <p role="status" class="muted">
            {t(words[copy])}
          </p>
        ))}
    </div>
  );
}
