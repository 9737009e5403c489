// What the popup is drawn from and what it asks of the extension: main.tsx wires these to storage and the background.
import type { MessageType, Rejection, ReplyOf, RequestOf } from '@/lib/messaging/protocol';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import type { MenuNoticeCode } from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import type { Settings } from '@/lib/model/settings/settings';

export interface PopupState {
  settings: Settings;
  /** Stored settings had invalid fields, reset to their defaults: told once. */
  settingsNotice?: string | null;
  /** The desk's customers, in the order of their places: what each is doing, without a secret. */
  customers: CustomerView[];
  /** Each customer's form by place, as saved (a customer without one starts from Settings). */
  forms: Record<number, Draft>;
  /** The customer on screen. */
  selected: string;
  /** Why a selection on a page made no customer, said when the popup opened for it. */
  menuNotice: MenuNoticeCode | null;
  cooldowns: Record<string, number>;
  screenShare: boolean;
  /** False on a first start: the popup asks which cluster before the first call. */
  clusterChosen: boolean;
}

/** What the popup watches while open: settings too, so the band never disagrees with where the next call goes. */
export type Watched = Pick<PopupState, 'settings' | 'customers' | 'cooldowns' | 'screenShare' | 'clusterChosen'>;
/** A change the popup hears of: the snapshot's parts, the customer chosen (here or in the panel), forms saved by others. */
export type Heard = Partial<Watched> & {
  selected?: string;
  forms?: Record<number, Draft | null>;
  menuNotice?: MenuNoticeCode | null;
};

/** What the popup needs from the extension; main.tsx wires it to the background and storage. */
export interface PopupClient {
  ask<T extends MessageType>(type: T, request: RequestOf<T>): Promise<ReplyOf<T> | Rejection>;
  saveDraft(customerId: string, draft: Draft): void;
  /** Chooses the customer on screen, in the side panel too. */
  select(customerId: string): void;
  setScreenShare(on: boolean): void;
  /** First start: calls go to this cluster (saved as Settings would save it). */
  chooseCluster(apiBaseUrl: string): Promise<void>;
  watch(callback: (change: Heard) => void): () => void;
  openSettings(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
  /** Closes the popup (Escape). */
  close(): void;
}
