// Every storage item of the extension, defined once, with its shape from lib/model/desk. Secrets (token, key, OTP) only ever in `session`:
// storage.session lives in memory and is gone when the browser closes.
import * as z from 'zod/mini';
import { Activity } from '@/lib/model/desk/outcome';
import { DRAFT_KEY, SCREEN_SHARE_KEY } from '@/lib/model/desk/popup-snapshot';
import { HistoryEntry, MfaSession } from '@/lib/model/desk/session';
import { Auth, Draft, FirstFactor } from '@/lib/model/desk/stored';
import { defineItem } from './define-item';

// Settings (storage.sync, with their migrations and the policy over them) live in lib/platform/settings/stored.ts.

export const draftItem = defineItem<Draft | null>('session', DRAFT_KEY, z.nullable(Draft), null);

export const activityItem = defineItem('session', 'activity', Activity, { inflight: null, outcome: null });

/** Cooldown key (see cooldownKey) -> epoch ms until which a new Send OTP is held back. */
export const cooldownsItem = defineItem('session', 'cooldowns', z.record(z.string(), z.number()), {});

export const authItem = defineItem<Auth | null>('session', 'auth', z.nullable(Auth), null);

export const firstFactorItem = defineItem<FirstFactor | null>('session', 'firstFactor', z.nullable(FirstFactor), null);

/** Screen-share mode, one setting for popup and side panel: on until the agent turns it off. */
export const screenShareItem = defineItem('local', SCREEN_SHARE_KEY, z.boolean(), false);

/** The MFA session the desk is working on, with every OTP sent and code tried. */
export const mfaSessionItem = defineItem<MfaSession | null>('session', 'mfaSession', z.nullable(MfaSession), null);

/** The last actions, newest first: no token, key or OTP, identifiers masked. */
export const historyItem = defineItem('local', 'history.v1', z.array(HistoryEntry), []);

/** An update the browser has ready, held back until nothing is live (entrypoints/background/update.ts). */
export const PendingUpdate = z.object({ version: z.string().check(z.maxLength(64)) });
export type PendingUpdate = z.infer<typeof PendingUpdate>;
export const pendingUpdateItem = defineItem<PendingUpdate | null>('session', 'pendingUpdate', z.nullable(PendingUpdate), null);
