// Every storage item of the extension, defined once. Secrets (token, key, OTP) only ever in `session`:
// storage.session lives in memory and is gone when the browser closes.
import * as z from 'zod/mini';
import { IDENTIFIER_TYPES, MfaUser } from '@/lib/capillary/schemas';
import { Activity } from '@/lib/desk/outcome';
import { HistoryEntry, MfaSession } from '@/lib/desk/session';
import { DEFAULT_SETTINGS, Settings } from '@/lib/settings/settings';
import { defineItem } from './define-item';

export const settingsItem = defineItem('local', 'settings.v1', Settings, DEFAULT_SETTINGS);

/** The popup's form as the agent left it; the OTP is cleared by the background after each validate. */
export const Draft = z.object({
  identifierType: z.enum(IDENTIFIER_TYPES),
  identifierValue: z.string(),
  deviceId: z.string(),
  brand: z.string(),
  sessionId: z.string(),
  otp: z.string(),
});
export type Draft = z.infer<typeof Draft>;
export const draftItem = defineItem<Draft | null>('session', 'draft', z.nullable(Draft), null);

export const activityItem = defineItem('session', 'activity', Activity, { inflight: null, outcome: null });

/** Cooldown key (see cooldownKey) -> epoch ms until which a new Send OTP is held back. */
export const cooldownsItem = defineItem('session', 'cooldowns', z.record(z.string(), z.number()), {});

export const Auth = z.object({
  token: z.string(),
  key: z.string(),
  user: MfaUser,
  receivedAt: z.number(),
  apiBaseUrl: z.string(),
});
export type Auth = z.infer<typeof Auth>;
export const authItem = defineItem<Auth | null>('session', 'auth', z.nullable(Auth), null);

/** The MFA session the desk is working on, with every OTP sent and code tried. */
export const mfaSessionItem = defineItem<MfaSession | null>('session', 'mfaSession', z.nullable(MfaSession), null);

/** The last actions, newest first: no token, key or OTP, identifiers masked. */
export const historyItem = defineItem('local', 'history.v1', z.array(HistoryEntry), []);

/** Text selected on a page with "Decode JWT in MFA Desk", for the side panel to decode. */
export const MAX_PENDING_JWT = 16_384;
export const PendingJwt = z.object({ text: z.string().check(z.maxLength(MAX_PENDING_JWT)), at: z.number() });
export const pendingJwtItem = defineItem<z.infer<typeof PendingJwt> | null>('session', 'pendingJwt', z.nullable(PendingJwt), null);

export function cooldownKey(brand: string, identifierType: string, identifierValue: string): string {
  return `${brand.trim().toUpperCase()}|${identifierType}|${identifierValue.trim()}`;
}
