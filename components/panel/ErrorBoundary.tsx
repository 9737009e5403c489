import { Component, type ComponentChildren } from 'preact';
import { t } from '@/lib/words/t';

type Props = {
  /** What the part shows, in the agent's words: named in the alert if it fails. */
  what: string;
  children: ComponentChildren;
};

/** A part of a page that, if it fails to render (a hostile token, a bug), says so in its place; the rest stays. */
export class ErrorBoundary extends Component<Props, { failed: string | null }> {
  state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    // The error's kind only: its message could quote what failed to render.
    return { failed: error instanceof Error ? error.name : typeof error };
  }

  render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <p role="alert" class="outcome error">
        {t('partFailed', this.props.what, this.state.failed)}
      </p>
    );
  }
}
