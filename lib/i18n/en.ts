// The English catalogue, the one every other language is checked against: each key is a `browser.i18n` message
// name, each value its text, with $1…$9 for what is filled in (see messages.ts). The build writes
// _locales/<lang>/messages.json from these catalogues (wxt.config.ts).
export const en = {
  extName: 'MFA Desk',
  extDescription: 'Send and validate Capillary MFA OTPs for a customer, and inspect the tokens that come back.',

  // Where calls go
  callsGoTo: 'Calls go to',

  // Page chrome
  settings: 'Settings',
  screenShareMode: 'Screen-share mode',
  openSidePanel: 'Open side panel',
  sidePanelDidNotOpen: 'The side panel did not open: $1',
  endSession: 'End session',
  keyboardShortcuts: 'Keyboard shortcuts',

  // The popup's form
  customer: 'Customer',
  identifierType: 'Identifier type',
  identifierValue: 'Identifier value',
  sentAs: 'Sent as $1',
  deviceId: 'Device ID',
  brand: 'Brand',
  sessionId: 'Session ID',
  codeFromCustomer: 'Code from the customer',
  otp: 'OTP',

  // The session-start step
  startAnMfaSession: 'Start an MFA session',
  authorizedToken: 'Authorized token',
  authorizedTokenHintVerified: 'the verified first factor’s token',
  authorizedTokenHint: 'the customer’s USER token, eyJ…',
  firstFactorVerifiedNote: 'First factor verified: Start MFA session uses the token it gave, kept hidden until then.',
  orWithoutToken: 'or, without a token:',
  firstFactorOtp: 'First-factor OTP',
  pasteAuthorizedToken: 'Paste the customer’s authorized token (their USER token), or send a first-factor OTP.',

  // Keyboard shortcuts
  keysTab: 'Tab, Shift+Tab',
  keysTabDoes: 'Next or previous control, in reading order',
  keysEnterCustomer: 'Enter in a customer field',
  keysEnterCustomerDoes: 'Send OTP; while Session ID is empty, start the session (or send the first-factor OTP)',
  keysEnterOtp: 'Enter in an OTP field',
  keysEnterOtpDoes: 'Validate it (focus moves there once the code is sent)',
  keysEscape: 'Escape',
  keysEscapeDoes: 'Close the popup',
  keysPanel: 'Alt+Shift+M',
  keysPanelDoes: 'Open the side panel',

  // Each action: its button, while it runs, once it worked
  sendFirstFactorOtp: 'Send first-factor OTP',
  sendFirstFactorOtpBusy: 'Sending first-factor OTP…',
  sendFirstFactorOtpDone: 'First-factor OTP sent',
  verifyFirstFactor: 'Verify first factor',
  verifyFirstFactorBusy: 'Verifying first factor…',
  verifyFirstFactorDone: 'First factor verified, MFA session started',
  startMfaSession: 'Start MFA session',
  startMfaSessionBusy: 'Starting MFA session…',
  startMfaSessionDone: 'MFA session started',
  sendOtp: 'Send OTP',
  sendOtpBusy: 'Sending OTP…',
  sendOtpDone: 'OTP sent',
  validateOtp: 'Validate OTP',
  validateOtpBusy: 'Validating OTP…',
  validateOtpDone: 'OTP validated',
  refreshToken: 'Refresh token',
  refreshTokenBusy: 'Refreshing token…',
  refreshTokenDone: 'Token refreshed',
  endSessionBusy: 'Ending session…',
  endSessionDone: 'Session ended',

  // An outcome line: "OTP sent for •••1754 · Bukl, just now"
  outcomeFor: 'for $1, $2',
  actionFor: '$1 for $2, $3',
} as const;

export type MessageKey = keyof typeof en;
/** Another language's catalogue: every key English has (a missing one fails the typecheck and a test). */
export type Catalogue = Record<MessageKey, string>;
