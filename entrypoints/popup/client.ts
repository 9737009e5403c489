// What the popup is drawn from and what it asks of the extension: main.tsx wires these to storage and the background.
import type { MessageType, Rejection, ReplyOf, RequestOf } from '@/lib/messaging/protocol';
import type { Activity } from '@/lib/model/desk/outcome';
import type { FirstFactorView } from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import type { Settings } from '@/lib/model/settings/settings';

export interface PopupState {
  settings: Settings;
  /** Stored settings had invalid fields, reset to their defaults: told once. */
  settingsNotice?: string | null;
  draft: Draft;
  activity: Activity;
  cooldowns: Record<string, number>;
  /** Whether a validated token is held: End session is offered. */
  hasToken: boolean;
  firstFactor: FirstFactorView | null;
  screenShare: boolean;
}

/** What the popup watches while open: settings too, so the band never disagrees with where the next call goes. */
export type Watched = Pick<PopupState, 'settings' | 'activity' | 'cooldowns' | 'hasToken' | 'firstFactor' | 'screenShare'>;

/** What the popup needs from the extension; main.tsx wires it to the background and storage. */
export interface PopupClient {
  ask<T extends MessageType>(type: T, request: RequestOf<T>): Promise<ReplyOf<T> | Rejection>;
  saveDraft(draft: Draft): void;
  setScreenShare(on: boolean): void;
  watch(callback: (change: Partial<Watched>) => void): () => void;
  openSettings(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
  /** Closes the popup (Escape). */
  close(): void;
}
