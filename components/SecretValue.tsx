import { useState } from 'preact/hooks';
import { HIDDEN } from '@/lib/format/mask';

type Props = {
  /** What the secret is, as the agent calls it: "token", "key". */
  name: string;
  value: string;
  /** Screen-share mode: nothing of the value on screen, and Reveal disabled. */
  hide: boolean;
  onCopy(value: string): Promise<void>;
};

/** A secret kept masked on screen until the agent reveals it, with a copy button that works either way. */
export function SecretValue({ name, value, hide, onCopy }: Props) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
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
              () => setCopied('yes'),
              () => setCopied('failed'),
            )
          }
        >
          {`Copy ${name}`}
        </button>
        {copied === 'yes' && (
          <span role="status" class="muted">
            {`${name[0].toUpperCase()}${name.slice(1)} copied`}
          </span>
        )}
        {copied === 'failed' && <span role="alert">{`The ${name} could not be copied: the browser refused the clipboard.`}</span>}
      </div>
    </div>
  );
}
