// Every storage item of the extension, defined once, with its shape from lib/model/desk. Secrets (token, key, OTP) only ever in `session`:
// storage.session lives in memory and is gone when the browser closes.
import * as z from 'zod/mini';
import { MENU_NOTICE_KEY, MENU_NOTICES, SCREEN_SHARE_KEY } from '@/lib/model/desk/popup-snapshot';
import { HistoryEntry } from '@/lib/model/desk/session';
import { defineItem } from './define-item';

// Settings (storage.sync, with their migrations and the policy over them) live in lib/platform/settings/stored.ts;
// each customer's record and form in customer-store.ts.

/** Cooldown key (see cooldownKey) -> epoch ms until which a new Send OTP is held back. */
export const cooldownsItem = defineItem('session', 'cooldowns', z.record(z.string(), z.number()), {});

/** Screen-share mode, one setting for popup and side panel: on until the agent turns it off. */
export const screenShareItem = defineItem('local', SCREEN_SHARE_KEY, z.boolean(), false);

/** The last actions, newest first: no token, key or OTP, identifiers masked. */
export const historyItem = defineItem('local', 'history.v1', z.array(HistoryEntry), []);

/** An update the browser has ready, held back until nothing is live (entrypoints/background/update.ts). */
export const PendingUpdate = z.object({ version: z.string().check(z.maxLength(64)) });
export type PendingUpdate = z.infer<typeof PendingUpdate>;
export const pendingUpdateItem = defineItem<PendingUpdate | null>('session', 'pendingUpdate', z.nullable(PendingUpdate), null);

/** Why "Use as customer in MFA Desk" made no customer, for the popup or panel it opened to say (as a code). */
export const MenuNotice = z.object({ notice: z.enum(MENU_NOTICES), at: z.number() });
export type MenuNotice = z.infer<typeof MenuNotice>;
export const menuNoticeItem = defineItem<MenuNotice | null>('session', MENU_NOTICE_KEY, z.nullable(MenuNotice), null);
