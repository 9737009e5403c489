// A reply that failed the contract is kept for display. It may still carry a token, key or OTP,
// so anything shaped like one is blanked before it is stored or shown.
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const SECRET_FIELD = /("(?:token|key|otp|authorizedToken|password)"\s*:\s*)("(?:[^"\\]|\\.)*"|\d+)/gi;
const MAX_KEPT = 2000;

export function redactBody(body: string): string {
  const clean = body.replace(JWT, '[redacted JWT]').replace(SECRET_FIELD, '$1"[redacted]"');
  return clean.length > MAX_KEPT ? `${clean.slice(0, MAX_KEPT)}… (${clean.length - MAX_KEPT} more characters)` : clean;
}
