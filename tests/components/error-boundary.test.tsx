import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Fold } from '@/components/panel/Fold';

function Broken(): never {
  throw new RangeError('Maximum call stack size exceeded while showing eyJhbGciOi…');
}

describe('a side panel section that fails to render', () => {
  it('says which section failed and of what kind, in its place, and the sections beside it stay', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <Fold id="decode" title="Decode" open onToggle={() => undefined}>
          <Broken />
        </Fold>
        <Fold id="history" title="History" open onToggle={() => undefined}>
          <p>3 entries</p>
        </Fold>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Decode could not be shown (RangeError). The rest of the panel works; reopen it to try again.',
    );
    expect(screen.getByRole('alert').textContent).not.toContain('eyJ');
    expect(screen.getByText('3 entries')).toBeTruthy();
  });
});
