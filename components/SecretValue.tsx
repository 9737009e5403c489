import { useState } from 'preact/hooks';
import { HIDDEN } from '@/lib/format/mask';
import type { Cleared } from '@/lib/platform/clipboard';

type Props = {
  /** What the secret is, as the agent calls it: "token", "key". */
  name: string;
  value: string;
  /** Screen-share mode: nothing of the value on screen, and Reveal disabled. */
  hide: boolean;
  /** Copies the value; `cleared` settles once the clipboard was (or could not be) cleared. */
  onCopy(value: string): Promise<{ cleared: Promise<Cleared> }>;
};

type CopyState = 'copied' | 'copy-failed' | Cleared | null;

/** A secret kept masked on screen until the agent reveals it, with a copy button that works either way. */
export function SecretValue({ name, value, hide, onCopy }: Props) {
  const [shown, setShown] = useState(false);
  const [copy, setCopy] = useState<CopyState>(null);
  const Name = `${name[0].toUpperCase()}${name.slice(1)}`;
  const words: Record<Exclude<CopyState, null>, string> = {
    copied: `${Name} copied. The clipboard will be cleared in 60 s if it still holds it.`,
    cleared: `Clipboard cleared: the ${name} copied 60 s ago is no longer on it.`,
    changed: 'Clipboard left as it is: it holds something else now.',
    'copy-failed': `The ${name} could not be copied: the browser refused the clipboard.`,
    failed: `The clipboard could not be cleared: it may still hold the ${name}. Copy something else over it.`,
  };
  return (
    <div class="secret">
      <code class="secret-value">
        {hide ? HIDDEN : shown ? value : `${value.slice(0, 6)}${'•'.repeat(24)} (${value.length} characters, hidden)`}
      </code>
      <div class="row buttons">
        <button type="button" disabled={hide} onClick={() => setShown(!shown)}>
          {shown && !hide ? `Hide ${name}` : `Reveal ${name}`}
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
          {`Copy ${name}`}
        </button>
      </div>
      {copy &&
        (copy === 'copy-failed' || copy === 'failed' ? (
          <p role="alert">{words[copy]}</p>
        ) : (
          <p role="status" class="muted">
            {words[copy]}
          </p>
        ))}
    </div>
  );
}
