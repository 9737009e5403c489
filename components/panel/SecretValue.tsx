import { useState } from 'preact/hooks';
import type { Copied, CopyStart } from '@/lib/model/clipboard';
import { HIDDEN } from '@/lib/model/format/mask';
import type { MessageKey } from '@/lib/words/en';
import { t } from '@/lib/words/t';

/** Copying the token: the Copy click, and where the background's clearing of it stands (see clipboard.ts). */
export type CopyProps = {
  onCopy(value: string): Promise<CopyStart>;
  /** The last copy's clearing, while it is recent; null when there is none to tell. */
  clearing: Copied['state'] | null;
};

type Props = {
  /** Which secret: the returned token, or the key. */
  name: 'token' | 'key';
  value: string;
  /** Screen-share mode: nothing of the value on screen, and Reveal disabled. */
  hide: boolean;
  /** Only the token can be copied: the key is for MFA Desk's own refresh calls. */
  copy?: CopyProps;
};

const WORDS = {
  token: { reveal: 'revealToken', hide: 'hideToken' },
  key: { reveal: 'revealKey', hide: 'hideKey' },
} as const satisfies Record<Props['name'], Record<string, MessageKey>>;

/** What the token's Copy says, and whether it is a status or an alert. */
const COPY_WORDS = {
  waiting: ['tokenCopied', 'status'],
  cleared: ['tokenCleared', 'status'],
  changed: ['clipboardChanged', 'status'],
  failed: ['tokenClearFailed', 'alert'],
  'not-allowed': ['tokenClearNotAllowed', 'alert'],
  'copy-failed': ['tokenCopyFailed', 'alert'],
} as const satisfies Record<Copied['state'] | Exclude<CopyStart, 'copied'>, readonly [MessageKey, 'status' | 'alert']>;

/** A secret kept masked on screen until the agent reveals it, with (for the token) a copy button that works either way. */
export function SecretValue({ name, value, hide, copy }: Props) {
  const [shown, setShown] = useState(false);
  const [started, setStarted] = useState<CopyStart | null>(null);
  const words = WORDS[name];
  // Once the background has it, the stored clearing speaks; before, or when it never will, the click's own result.
  const said = started === 'copied' || started === null ? (copy?.clearing ?? (started && 'waiting')) : started;
  const [key, role] = said ? COPY_WORDS[said] : [];
  return (
    <div class="secret">
      <code class="secret-value">{hide ? HIDDEN : shown ? value : t('secretHidden', value.length)}</code>
      <div class="row buttons">
        <button type="button" disabled={hide} onClick={() => setShown(!shown)}>
          {t(shown && !hide ? words.hide : words.reveal)}
        </button>
        {copy && (
          <button type="button" onClick={() => copy.onCopy(value).then(setStarted)}>
            {t('copyToken')}
          </button>
        )}
      </div>
      {key && (
        <p role={role} class={role === 'status' ? 'muted' : undefined}>
          {t(key)}
        </p>
      )}
    </div>
  );
}
