// What the popup draws itself from before it is ready, in one storage.session read: the snapshot the background keeps
// (snapshot-keeper.ts), which customer is on screen, and every customer's form as the popup saves it while the agent
// types. Pure and zod-free: both were checked by whoever
// wrote them (the background parses everything it stores; the form is the popup's own), so a cheap look at their shape
// is enough here, and a snapshot of another shape (written before an update) is not used.

import type { Draft, StoredCustomer } from '@/lib/model/desk/stored';
import type { Settings } from '@/lib/model/settings/settings';
import type { CustomerView } from './customer-view';
import { formKey, SELECTED_KEY, SLOTS } from './desk-keys';

export const SNAPSHOT_KEY = 'popupSnapshot';
/** Why "Use as customer in MFA Desk" made no customer (items.ts's menuNoticeItem), said for a minute. */
export const MENU_NOTICE_KEY = 'menuNotice';
export const MENU_NOTICE_MS = 60_000;
export const MENU_NOTICES = ['not-a-customer', 'desk-full'] as const;
export type MenuNoticeCode = (typeof MENU_NOTICES)[number];

/** The notice's code when it is recent enough to say. */
export function freshMenuNotice(raw: unknown, now: number): MenuNoticeCode | null {
  const notice = raw as { notice?: MenuNoticeCode; at?: unknown } | undefined;
  const fresh = typeof notice?.at === 'number' && now - notice.at < MENU_NOTICE_MS;
  return fresh && notice.notice && MENU_NOTICES.includes(notice.notice) ? notice.notice : null;
}
/** Every key the popup opens with, read in one storage.session call. */
export const POPUP_READ_KEYS = [SNAPSHOT_KEY, SELECTED_KEY, MENU_NOTICE_KEY, ...SLOTS.map(formKey)];
/**
 * The popup's way to ready as User Timing marks (DevTools' Performance panel shows them; `npm run bench` splits the
 * popup's time by them): the read asked for, the module running, the read's answer in the module's hands.
 */
export const POPUP_MARKS = { read: 'popup-read', module: 'popup-module', stored: 'popup-stored' } as const;
/** The screen-share switch's key in storage.local (items.ts's screenShareItem). */
export const SCREEN_SHARE_KEY = 'screenShare';

/** The first factor under way, as the popup needs it: for whom, and whether its OTP is verified (never its token). */
export interface FirstFactorView {
  apiBaseUrl: string;
  customer: StoredCustomer;
  verified: boolean;
}

const SNAPSHOT_VERSION = 2;

/**
 * Everything the popup shows that it did not type: never the token, key or first-factor token, only whether they
 * exist. Written by the background whenever any part of it changes.
 */
export interface PopupSnapshot {
  v: typeof SNAPSHOT_VERSION;
  /** What calls use: the policy over the agent's own settings. */
  settings: Settings;
  /** Fields of the agent's stored settings that were invalid and fell back to their defaults. */
  settingsReset: (keyof Settings)[];
  /** The customers on the desk, in the order of their places. */
  customers: CustomerView[];
  cooldowns: Record<string, number>;
  screenShare: boolean;
  /**
   * Whether where calls go was chosen: saved settings, a policy's URL, or a build made for one (the sandbox's). False
   * on a first start, when the popup asks for the cluster before the first call; absent (chosen) in older snapshots.
   */
  clusterChosen?: boolean;
}

export const snapshotOf = (parts: Omit<PopupSnapshot, 'v'>): PopupSnapshot => ({ v: SNAPSHOT_VERSION, ...parts });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function readSnapshot(raw: unknown): PopupSnapshot | null {
  return isObject(raw) && raw.v === SNAPSHOT_VERSION && isObject(raw.settings) && Array.isArray(raw.customers)
    ? (raw as unknown as PopupSnapshot)
    : null;
}

const DRAFT_FIELDS = [
  'identifierType',
  'identifierValue',
  'deviceId',
  'brand',
  'sessionId',
  'otp',
  'authorizedToken',
  'firstFactorOtp',
  'reference',
];

export function readDraft(raw: unknown): Draft | null {
  return isObject(raw) && DRAFT_FIELDS.every((field) => typeof (raw[field] ?? '') === 'string')
    ? ({ authorizedToken: '', firstFactorOtp: '', reference: '', ...raw } as Draft)
    : null;
}

/** A new customer's form: brand and device ID from Settings until the agent types their own (and the identifier given). */
export const newForm = (
  settings: Pick<Settings, 'brand' | 'deviceId'>,
  given: Partial<Pick<Draft, 'identifierType' | 'identifierValue'>> = {},
): Draft => ({
  identifierType: given.identifierType ?? 'MOBILE',
  identifierValue: given.identifierValue ?? '',
  deviceId: settings.deviceId,
  brand: settings.brand,
  sessionId: '',
  otp: '',
  authorizedToken: '',
  firstFactorOtp: '',
  reference: '',
});
