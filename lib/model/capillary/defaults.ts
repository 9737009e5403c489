// Capillary's default org configuration: ../shared/capillary-api/REFERENCE.md, "Org configuration defaults".
// A brand may configure other values; Capillary does not tell the desk, so these are what the desk assumes.

/** Session, MFA session and MFA token expiry. */
export const SESSION_MINUTES = 15;
/** OTP attempts per session, first factor and MFA alike. */
export const MAX_ATTEMPTS = 5;
