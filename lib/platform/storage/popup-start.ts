// The popup's start in storage: its one read, and every storage change from the moment the read is asked until the
// popup listens itself. Started by entrypoints/popup-read.ts before the popup's module has loaded (or by the module
// when that script has not run yet); a change landing after the read but before the popup listened (a snapshot the
// background writes just then) would otherwise be missed until the next one.
import { POPUP_MARKS, POPUP_READ_KEYS } from '@/lib/model/desk/popup-snapshot';
import { nativeBrowser } from '@/lib/platform/native';
import { holdChanges } from './held-changes';

export type StorageChanges = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, area: string) => void;

export interface PopupStart {
  read: Promise<Record<string, unknown>>;
  /** From now on changes go to `listener`, the ones heard since the read was asked first, in order. */
  listen(listener: ChangeListener): () => void;
}

/** Where popup-read.js leaves its start for the module. */
interface PopupStartGlobal {
  popupStart?: PopupStart;
}

/** The popup's start: begun by whichever of popup-read.js and the module runs first, and found by the other. */
export function popupStart(): PopupStart {
  const global = globalThis as PopupStartGlobal;
  const start = global.popupStart ?? startPopup();
  global.popupStart = start;
  return start;
}

export function startPopup(): PopupStart {
  performance.mark(POPUP_MARKS.read);
  const { onChanged } = nativeBrowser.storage;
  const changes = holdChanges<Parameters<ChangeListener>>((listener) => {
    onChanged.addListener(listener);
    return () => onChanged.removeListener(listener);
  });
  return { read: nativeBrowser.storage.session.get(POPUP_READ_KEYS), listen: changes.listen };
}
