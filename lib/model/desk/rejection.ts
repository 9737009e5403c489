// Why the background would not handle a message (or a page got no usable answer), as codes: the pages word them
// (lib/words/rejection.ts), so no English made in the background reaches an agent.
export const REJECTIONS = [
  /** The sender is not one of this extension's pages (entrypoints/background/sender.ts says which check failed). */
  'other-extension',
  'no-page-url',
  'not-extension-page',
  'not-our-page',
  'framed',
  /** The message is not one the protocol defines, or its request breaks its schema. */
  'unknown-message',
  'bad-request',
  /** Refresh or End with no token held. */
  'no-key',
  'no-token',
  /** The customer a call named was closed meanwhile; all ten places of the desk are taken. */
  'unknown-customer',
  'desk-full',
  /** The background threw (a bug), did not answer, or answered with something this page does not understand. */
  'background-failed',
  'no-answer',
  'bad-reply',
] as const;
export type RejectionCode = (typeof REJECTIONS)[number];
