// The background's side of the popup's snapshot (lib/model/desk/popup-snapshot.ts): written again whenever
// a part of it changes (in any area, by any page or machine: the change wakes a stopped worker), and whenever a worker
// starts (or the browser does).
import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY } from '@/lib/model/desk/popup-snapshot';
import { LOCAL_KEYS, SETTINGS_KEY } from '@/lib/model/settings/read';
import { log } from '@/lib/platform/log';
import { RECORD_KEYS } from '@/lib/platform/storage/customer-store';
import { cooldownsItem, screenShareItem } from '@/lib/platform/storage/items';
import { takeSnapshot } from '@/lib/platform/storage/take-snapshot';
import { coalesced } from './coalesced';

/** What the snapshot is made of, by storage area. */
const PARTS: Record<string, string[]> = {
  session: [...RECORD_KEYS, cooldownsItem.key],
  local: [screenShareItem.key, ...LOCAL_KEYS],
  sync: [SETTINGS_KEY],
};

/** How long the snapshot waits after a change for the next one. */
const SNAPSHOT_AFTER_MS = 30;

/** Keeps the snapshot written: one write at a time, and one more after it when something changed meanwhile. */
export function keepSnapshot() {
  let writing = false;
  let again = false;
  const write = () => {
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    takeSnapshot()
      .then((snapshot) => browser.storage.session.set({ [SNAPSHOT_KEY]: snapshot }))
      .catch((error) => log.warn('the popup snapshot could not be written', error))
      .finally(() => {
        writing = false;
        if (again) {
          again = false;
          write();
        }
      });
  };
  // A call changes a record as it leaves and again as it ends: one write follows both when the call is quick, and
  // never queues its reads in front of the call's own.
  const writeSoon = coalesced(write, SNAPSHOT_AFTER_MS);
  browser.storage.onChanged.addListener((changes, area) => {
    // The snapshot's own removal too (storage.session cleared), never its own writes.
    const removed = area === 'session' && SNAPSHOT_KEY in changes && changes[SNAPSHOT_KEY].newValue == null;
    if (area === 'managed' || removed || PARTS[area]?.some((key) => key in changes)) writeSoon();
  });
  // A worker starting writes it too: storage.session may have been emptied (the browser started, an update was
  // applied), or the worker before stopped while its last change waited to be written.
  browser.runtime.onStartup.addListener(writeSoon);
  writeSoon();
}
