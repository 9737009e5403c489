// The playbook: for every way a call can fail, what happened and what the agent does next.
// Capillary's codes: ../shared/capillary-api/REFERENCE.md, "Status codes of the auth API". Its code and message are
// always shown verbatim; the words here only explain them.

import { MAX_ATTEMPTS } from '@/lib/model/capillary/defaults';
import type { DeskError } from '@/lib/model/capillary/errors';
import type { MessageKey } from './en';
import { refusal } from './rejection';
import { t } from './t';

export interface Advice {
  /** Capillary's code and message verbatim, or what failed. */
  summary: string;
  /** What happened, in plain words. */
  happened?: string;
  /** What the agent does next. */
  nextStep?: string;
  /** The session cannot go on: offer "Start a new session". */
  startOver?: boolean;
}

export interface AdviceContext {
  /** For a failed validate: which attempt it was since the last OTP sent. */
  attempt?: number;
}

/** A playbook line: message keys (see lib/words/en.ts), or words built from the context. */
type Entry = { happened: MessageKey | ((context: AdviceContext) => string); next: MessageKey; startOver?: true };

const SAME_AS_SESSION = 'adviceSameAsSession';
const ESCALATE = 'adviceEscalate';
const RETRY = 'adviceRetry';

const PASSWORD_FAMILY: Entry = {
  happened: 'advicePasswordFamily',
  next: ESCALATE,
};

export const PLAYBOOK: Record<number, Entry> = {
  1502: { happened: 'advice1502Happened', next: RETRY },
  1503: {
    happened: 'advice1503Happened',
    next: 'advice1503Next',
  },
  1504: { happened: 'advice1504Happened', next: RETRY },
  1505: {
    happened: 'advice1505Happened',
    next: 'advice1505Next',
    startOver: true,
  },
  1506: {
    happened: ({ attempt }) => (attempt ? t('advice1506Attempt', attempt, MAX_ATTEMPTS) : t('advice1506', MAX_ATTEMPTS)),
    next: 'advice1506Next',
  },
  1507: { happened: 'advice1507Happened', next: SAME_AS_SESSION },
  1508: { happened: 'advice1508Happened', next: SAME_AS_SESSION },
  1509: { happened: 'advice1509Happened', next: SAME_AS_SESSION },
  1515: {
    happened: 'advice1515Happened',
    next: 'advice1515Next',
  },
  1518: {
    happened: () => t('advice1518Happened', MAX_ATTEMPTS),
    next: 'advice1518Next',
    startOver: true,
  },
  1519: { happened: 'advice1519Happened', next: 'advice1519Next' },
  1520: PASSWORD_FAMILY,
  1521: PASSWORD_FAMILY,
  1522: PASSWORD_FAMILY,
  1523: PASSWORD_FAMILY,
  1524: PASSWORD_FAMILY,
  1525: PASSWORD_FAMILY,
  1526: PASSWORD_FAMILY,
  1527: PASSWORD_FAMILY,
  1528: PASSWORD_FAMILY,
  1529: {
    happened: 'advice1529Happened',
    next: 'advice1529Next',
    startOver: true,
  },
  1530: PASSWORD_FAMILY,
  1531: {
    happened: 'advice1531Happened',
    next: 'advice1531Next',
  },
  1532: PASSWORD_FAMILY,
  1534: {
    happened: 'advice1534Happened',
    next: 'advice1534Next',
  },
  1535: { happened: 'advice1535Happened', next: ESCALATE },
  1537: {
    happened: 'advice1537Happened',
    next: 'advice1537Next',
  },
  1540: { happened: 'advice1540Happened', next: 'advice1540Next' },
  1541: { happened: 'advice1541Happened', next: SAME_AS_SESSION },
  1546: { happened: 'advice1546Happened', next: 'advice1546Next' },
  1597: {
    happened: 'advice1597Happened',
    next: 'advice1597Next',
    startOver: true,
  },
  1601: {
    happened: 'advice1601Happened',
    next: 'advice1601Next',
  },
  1602: { happened: 'advice1602Happened', next: ESCALATE },
  1603: { happened: 'advice1603Happened', next: ESCALATE },
  3005: { happened: 'advice3005Happened', next: ESCALATE },
};

const UNKNOWN_CODE: Entry = {
  happened: 'adviceUnknownHappened',
  next: 'adviceUnknownNext',
};

export function adviseOn(error: DeskError, context: AdviceContext = {}): Advice {
  switch (error.kind) {
    case 'capillary': {
      const entry = PLAYBOOK[error.code] ?? UNKNOWN_CODE;
      return {
        summary: `${error.code} ${error.message}`,
        happened: typeof entry.happened === 'function' ? entry.happened(context) : t(entry.happened),
        nextStep: t(entry.next),
        startOver: entry.startOver,
      };
    }
    case 'http':
      return {
        summary: t('adviceHttp', error.httpStatus),
        nextStep: t(error.httpStatus === 404 ? 'adviceHttp404Next' : 'adviceHttpNext'),
      };
    case 'rate-limited':
      return {
        summary: t('adviceRateLimited'),
        nextStep: error.retryAfterSeconds === undefined ? t('adviceRateLimitedNext') : t('adviceRateLimitedWait', error.retryAfterSeconds),
      };
    case 'timeout':
      return {
        summary: t('adviceTimeout', Math.round(error.afterMs / 1000)),
        nextStep: t('adviceMayHaveActed'),
      };
    case 'network':
      return {
        summary: error.offline ? t('adviceOffline') : t('adviceNetwork', error.detail),
        nextStep: t('adviceNetworkNext'),
      };
    case 'no-permission':
      return {
        summary: t('adviceNoPermission', error.origin),
        nextStep: t('adviceNoPermissionNext'),
      };
    case 'bad-response':
      return {
        summary: t('adviceBadResponse', error.httpStatus, error.problem || t('replyNotJson')),
        nextStep: t('adviceNothingUsed'),
      };
    case 'redirect':
      return {
        summary: t('adviceRedirect', error.httpStatus || '3xx', error.location || t('anotherAddress')),
        nextStep: t('adviceRedirectNext'),
      };
    case 'too-large':
      return {
        summary: t('adviceTooLarge', Math.round(error.limitBytes / 1024)),
        nextStep: t('adviceNothingUsed'),
      };
    case 'invalid-request':
      return { summary: t('adviceNotSent', Object.values(error.fields).join(' ')) };
    case 'cooldown':
      return { summary: t('adviceCooldown'), nextStep: t('adviceCooldownNext') };
    case 'rejected':
      return { summary: refusal(error.reason) };
    case 'interrupted':
      return {
        summary: t('adviceInterrupted'),
        nextStep: t('adviceInterruptedNext'),
      };
    case 'internal':
      return { summary: t('adviceInternal', error.name), nextStep: t('adviceInternalNext') };
  }
}
