import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus for a field named now that may be on screen only a moment later (the first-factor OTP field appears after its
 * code is sent): looked for at once and after every render until found.
 */
export function useFocusNext(): (field: string | null) => void {
  const next = useRef<string | null>(null);
  const focusPending = () => {
    const field = next.current && document.getElementById(next.current);
    if (field) {
      field.focus();
      next.current = null;
    }
  };
  useEffect(focusPending);
  return (field) => {
    next.current = field;
    focusPending();
  };
}
