// The words an agent reads when a call fails: what happened and what to do next.
// Codes and next steps: ../shared/capillary-api/REFERENCE.md, "Status codes of the auth API".
import type { DeskError } from './errors';

const NEXT_STEP: Record<number, string> = {
  1502: 'Capillary could not validate the OTP: retry in a moment, and escalate if it keeps failing.',
  1503: 'Capillary could not send the OTP: check the brand’s SMS/email channel configuration, then retry.',
  1504: 'Capillary could not issue a token: retry in a moment, and escalate if it keeps failing.',
  1505: 'The MFA session expired or is unknown: start a new MFA session and use its session ID.',
  1506: 'Wrong code: ask the customer to read the OTP again. Attempts are limited (5 by default).',
  1507: 'The mobile number does not match the session: correct it to the one the session was opened for.',
  1508: 'The device ID does not match the session: correct it to the one the session was opened for.',
  1509: 'The brand does not match the session: correct it to the one the session was opened for.',
  1515: 'No such user: the identifier may differ between InTouch and the auth engine; check it, or escalate.',
  1518: 'Too many wrong codes: start again with a new MFA session and a new OTP.',
  1519: 'A field is missing or malformed: check every field and send again.',
  1529: 'The token expired: start a new MFA session.',
  1534: 'This customer reached the maximum number of OTPs: wait for the brand’s OTP window to pass.',
  1535: 'The brand’s OTP configuration is broken (max OTP count is 0): escalate to the brand’s admin.',
  1537: 'No OTP was sent for this session yet: send an OTP first.',
  1540: 'A mobile number or email is required for this brand.',
  1541: 'The identifier does not match the session: correct it to the one the session was opened for.',
  1546: 'The identifier type is not accepted: pick MOBILE, EMAIL, USERNAME or EXTERNALID.',
  1597: 'The key expired or is not valid: the customer must log in again.',
  1601: 'The OTP channel fallback failed: retry; Capillary accepts ?fallbackChannel=SMS to bypass WhatsApp/Zalo.',
  1602: 'WhatsApp/Zalo is misconfigured for this brand: escalate to the brand’s admin.',
  1603: 'WhatsApp/Zalo is misconfigured for this brand: escalate to the brand’s admin.',
  3005: 'External ID login is not enabled for this brand: escalate to the brand’s admin.',
};

export interface Advice {
  /** One line: what went wrong, with Capillary's code when there is one. */
  summary: string;
  /** One line: what the agent does next, when we know. */
  nextStep?: string;
}

export function adviseOn(error: DeskError): Advice {
  switch (error.kind) {
    case 'capillary':
      return { summary: `${error.code} ${error.message}`, nextStep: NEXT_STEP[error.code] };
    case 'http':
      return {
        summary: `HTTP ${error.httpStatus} from the API, without a Capillary status.`,
        nextStep:
          error.httpStatus === 404
            ? 'Check the API base URL in Settings: this host has no MFA endpoint.'
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
