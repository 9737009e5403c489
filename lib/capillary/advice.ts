// The playbook: for every way a call can fail, what happened and what the agent does next.
// Capillary's codes: ../shared/capillary-api/REFERENCE.md, "Status codes of the auth API". Its code and message are
// always shown verbatim; the words here only explain them.
import { MAX_ATTEMPTS } from './defaults';
import type { DeskError } from './errors';

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

type Entry = { happened: string | ((context: AdviceContext) => string); next: string; startOver?: true };

const SAME_AS_SESSION = 'Correct it to the one the session was opened for, or start a new session for this customer.';
const ESCALATE = 'Escalate to the brand’s Capillary admin with the code and message, the cluster, the brand and the time (UTC).';
const RETRY = 'Retry in a minute; if it keeps failing, escalate to Capillary support with the code, cluster, brand and time (UTC).';

const PASSWORD_FAMILY: Entry = {
  happened: 'Capillary answered with an error of its password-login family, which the OTP flow does not use.',
  next: ESCALATE,
};

export const PLAYBOOK: Record<number, Entry> = {
  1502: { happened: 'Capillary could not check the OTP (a fault on its side).', next: RETRY },
  1503: {
    happened: 'Capillary could not send the OTP.',
    next: 'Check the brand’s SMS / email channel configuration with its admin, then retry.',
  },
  1504: { happened: 'Capillary could not issue a token.', next: RETRY },
  1505: {
    happened: 'The session expired (15 minutes by default) or Capillary does not know it.',
    next: 'Start a new session for this customer.',
    startOver: true,
  },
  1506: {
    happened: ({ attempt }) =>
      attempt ? `Wrong code: attempt ${attempt} of ${MAX_ATTEMPTS} for this OTP.` : `Wrong code (attempts are limited to ${MAX_ATTEMPTS}).`,
    next: 'Ask the customer to read the OTP again, digit by digit, from the latest message.',
  },
  1507: { happened: 'The mobile number does not match the session.', next: SAME_AS_SESSION },
  1508: { happened: 'The device ID does not match the session.', next: SAME_AS_SESSION },
  1509: { happened: 'The brand does not match the session.', next: SAME_AS_SESSION },
  1515: {
    happened: 'Capillary’s auth engine has no user with this identifier.',
    next: 'Check the identifier with the customer. It may differ between InTouch and the auth engine: escalate to the brand’s admin (/auth/v1/user/updateIdentifierValue fixes it).',
  },
  1518: {
    happened: `Too many wrong codes: the ${MAX_ATTEMPTS} attempts of this session are used up.`,
    next: 'Start again from the beginning: a new session, then a new OTP.',
    startOver: true,
  },
  1519: { happened: 'Capillary found a field missing or malformed.', next: 'Check every field of the form and send again.' },
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
    happened: 'The token expired (an authorized token lives an hour, an MFA token 15 minutes).',
    next: 'Start a new session for this customer.',
    startOver: true,
  },
  1530: PASSWORD_FAMILY,
  1531: {
    happened: 'Capillary could not expire the token.',
    next: 'Retry End session; the token expires by itself within 15 minutes. Escalate if the customer’s account must be locked now.',
  },
  1532: PASSWORD_FAMILY,
  1534: {
    happened: 'The customer reached the brand’s maximum number of OTPs.',
    next: 'Wait for the brand’s OTP window (otpTimeOut) to pass, then send again.',
  },
  1535: { happened: 'The brand’s OTP configuration is broken: its maximum OTP count is 0.', next: ESCALATE },
  1537: {
    happened: 'No OTP was sent for this session yet.',
    next: 'Click the Send button first, then validate the code the customer receives.',
  },
  1540: { happened: 'This brand needs a mobile number or an email.', next: 'Pick MOBILE or EMAIL as the identifier type and try again.' },
  1541: { happened: 'The identifier does not match the session.', next: SAME_AS_SESSION },
  1546: { happened: 'Capillary does not accept this identifier type.', next: 'Pick MOBILE, EMAIL, USERNAME or EXTERNALID.' },
  1597: {
    happened: 'The key expired or is not valid, so it cannot refresh the token.',
    next: 'Start a new MFA session for this customer: the customer logs in again.',
    startOver: true,
  },
  1601: {
    happened: 'The OTP channel fallback failed.',
    next: 'Retry; if WhatsApp or Zalo is the cause, Capillary accepts ?fallbackChannel=SMS to bypass it: escalate to the brand’s admin.',
  },
  1602: { happened: 'WhatsApp / Zalo is misconfigured for this brand.', next: ESCALATE },
  1603: { happened: 'WhatsApp / Zalo is misconfigured for this brand.', next: ESCALATE },
  3005: { happened: 'External ID login is not enabled for this brand.', next: ESCALATE },
};

const UNKNOWN_CODE: Entry = {
  happened: 'Capillary answered with a code MFA Desk has no playbook for.',
  next: 'Escalate to Capillary support with the code and message as shown, the cluster, the brand, the action and the time (UTC). Never include the OTP or a token.',
};

export function adviseOn(error: DeskError, context: AdviceContext = {}): Advice {
  switch (error.kind) {
    case 'capillary': {
      const entry = PLAYBOOK[error.code] ?? UNKNOWN_CODE;
      return {
        summary: `${error.code} ${error.message}`,
        happened: typeof entry.happened === 'function' ? entry.happened(context) : entry.happened,
        nextStep: entry.next,
        startOver: entry.startOver,
      };
    }
    case 'http':
      return {
        summary: `HTTP ${error.httpStatus} from the API, without a Capillary status.`,
        nextStep:
          error.httpStatus === 404
            ? 'Check the API base URL in Settings: this host has no such auth endpoint.'
            : 'The cluster or a proxy in front of it failed: retry in a moment.',
      };
    case 'timeout':
      return {
        summary: `The API did not answer within ${Math.round(error.afterMs / 1000)} s (timed out).`,
        nextStep: 'It may still have acted: check with the customer before sending again.',
      };
    case 'network':
      return {
        summary: `Network error: the API could not be reached (${error.detail}).`,
        nextStep: 'Check your connection and the API base URL in Settings.',
      };
    case 'no-permission':
      return {
        summary: `Not sent: the browser does not allow MFA Desk to reach ${error.origin}.`,
        nextStep: 'Open Settings and click Save to allow it (in Firefox, also about:addons → MFA Desk → Permissions).',
      };
    case 'bad-response':
      return {
        summary: `The API answered HTTP ${error.httpStatus} with a reply that does not match Capillary’s contract: ${error.problem}`,
        nextStep: 'Nothing from this reply was used. Check the API base URL in Settings, or escalate.',
      };
    case 'redirect':
      return {
        summary: `The API answered with a redirect (HTTP ${error.httpStatus || '3xx'}) to ${error.location || 'another address'}; MFA Desk does not follow redirects, so nothing was sent there.`,
        nextStep: 'Check the API base URL in Settings: a cluster answers directly. A proxy or captive portal may be in the way.',
      };
    case 'too-large':
      return {
        summary: `The API’s reply was larger than ${Math.round(error.limitBytes / 1024)} kB, far more than Capillary sends; it was not read.`,
        nextStep: 'Nothing from this reply was used. Check the API base URL in Settings, or escalate.',
      };
    case 'invalid-request':
      return { summary: `Not sent: ${Object.values(error.fields).join(' ')}` };
    case 'cooldown':
      return { summary: 'An OTP was just sent to this customer.', nextStep: 'Wait for the countdown before sending another.' };
    case 'rejected':
      return { summary: `The extension refused the request: ${error.reason}` };
    case 'interrupted':
      return {
        summary: 'The request was interrupted: the browser stopped the extension’s worker before the answer came.',
        nextStep: 'It may have reached Capillary: check with the customer before sending again.',
      };
    case 'internal':
      return { summary: `MFA Desk failed (${error.name}).`, nextStep: 'Try again; if it repeats, report it to the MFA Desk team.' };
  }
}
