import type { Action } from '@/lib/model/desk/outcome';

/** Where the keyboard goes after a step worked: the code's field once it was sent; Session ID (Enter: Send OTP) once a session started. */
export const NEXT_FIELD: Record<Action, string | null> = {
  sendOtp: 'otp',
  sendFirstFactorOtp: 'first-factor-otp',
  verifyFirstFactor: 'session-id',
  startMfaSession: 'session-id',
  validateOtp: null,
  refreshToken: null,
  endSession: null,
  autoEndSession: null,
};

/** Where the keyboard goes after a code was refused or never checked: back to the code's field, for the next try. */
export const CODE_FIELD: Partial<Record<Action, string>> = {
  validateOtp: 'otp',
  verifyFirstFactor: 'first-factor-otp',
};
