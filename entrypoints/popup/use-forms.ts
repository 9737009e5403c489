// The popup's forms, one per customer on the desk, and which customer is on screen. A form is saved as the agent
// types; a form saved by someone else (the background after a call, a context-menu selection) is taken in, while the
// popup's own saves coming back are not, so a keystroke is never undone by its own echo.
import { useRef, useState } from 'preact/hooks';
import { slotOf } from '@/lib/model/desk/desk-keys';
import { newForm } from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import type { Settings } from '@/lib/model/settings/settings';
import type { Heard, PopupClient, PopupState } from './client';

/** A form as text, whatever the order of its fields (a form read back from storage may list them in another). */
const textOf = (form: Draft) => JSON.stringify(Object.entries(form).sort(([a], [b]) => (a < b ? -1 : 1)));

export function useForms(initial: PopupState, client: PopupClient, settings: Settings) {
  const [forms, setForms] = useState(initial.forms);
  const [selected, setSelected] = useState(initial.selected);
  // The forms as last rendered, for changes that arrive after a module loaded.
  const latest = useRef(forms);
  latest.current = forms;
  const saved = useRef(new Set<string>());
  // What is wrong with the fields on screen: each stays until its own field is edited or another customer is chosen.
  const [errors, setErrors] = useState<Record<string, string>>({});

  const formOf = (id: string) => latest.current[slotOf(id)] ?? newForm(settings);

  /** A form changed here: shown, and saved; the errors of the fields that changed go. */
  function change(id: string, next: Draft) {
    const slot = slotOf(id);
    const before = formOf(id);
    if (next === before) return;
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => next[field as keyof Draft] === before[field as keyof Draft])),
    );
    latest.current = { ...latest.current, [slot]: next };
    setForms(latest.current);
    const text = textOf(next);
    saved.current.add(text);
    if (saved.current.size > 50) saved.current.delete(saved.current.values().next().value as string);
    client.saveDraft(id, next);
  }

  /** What others changed: a form saved elsewhere (never this page's own echo), the customer chosen in the panel. */
  function hear(change: Heard) {
    if (change.selected) choose(change.selected);
    if (!change.forms) return;
    const next = { ...latest.current };
    for (const [slot, form] of Object.entries(change.forms)) {
      if (form && saved.current.has(textOf(form))) continue;
      if (form) next[Number(slot)] = form;
      else delete next[Number(slot)];
    }
    latest.current = next;
    setForms(next);
  }

  function choose(id: string) {
    setSelected(id);
    setErrors({});
  }

  function select(id: string) {
    choose(id);
    client.select(id);
  }

  return { forms, selected, formOf, change, hear, select, errors, setErrors };
}
