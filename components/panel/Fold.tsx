import type { ComponentChildren } from 'preact';
import { ErrorBoundary } from './ErrorBoundary';

export type FoldId = 'session' | 'token' | 'key' | 'user' | 'decode' | 'history';

/** Which folds of the side panel start open, until the agent opens or closes one (remembered per fold). */
export const OPEN_BY_DEFAULT: Record<FoldId, boolean> = {
  session: true,
  token: true,
  key: false,
  user: false,
  decode: true,
  history: true,
};

type Props = { id: FoldId; title: string; open: boolean; onToggle(id: FoldId, open: boolean): void; children: ComponentChildren };

/** A section of the side panel that folds (`<details>`), its heading the summary; a section that fails says so alone. */
export function Fold({ id, title, open, onToggle, children }: Props) {
  return (
    <section class="fold" aria-labelledby={`${id}-heading`}>
      <details
        open={open}
        onToggle={(event) => {
          // Setting `open` from the prop fires a toggle too: only the agent's own change is reported.
          if (event.currentTarget.open !== open) onToggle(id, event.currentTarget.open);
        }}
      >
        <summary>
          <h2 id={`${id}-heading`}>{title}</h2>
        </summary>
        <ErrorBoundary what={title}>{children}</ErrorBoundary>
      </details>
    </section>
  );
}
