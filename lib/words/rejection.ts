// Why the background would not handle a request, in the agent's language: one line per code of lib/model/desk/rejection.ts.
import type { RejectionCode } from '@/lib/model/desk/rejection';
import type { MessageKey } from './en';
import { t } from './t';

const SAYS: Record<RejectionCode, MessageKey> = {
  'other-extension': 'rejectOtherExtension',
  'no-page-url': 'rejectNoPageUrl',
  'not-extension-page': 'rejectNotExtensionPage',
  'not-our-page': 'rejectNotOurPage',
  framed: 'rejectFramed',
  'unknown-message': 'rejectUnknownMessage',
  'bad-request': 'rejectBadRequest',
  'no-key': 'rejectNoKey',
  'no-token': 'rejectNoToken',
  'unknown-customer': 'rejectUnknownCustomer',
  'desk-full': 'rejectDeskFull',
  'background-failed': 'rejectBackgroundFailed',
  'no-answer': 'rejectNoAnswer',
  'bad-reply': 'rejectBadReply',
};

export const rejectionText = (code: RejectionCode): string => t(SAYS[code]);

/** A refusal as a sentence of its own. */
export const refusal = (code: RejectionCode): string => t('adviceRejected', rejectionText(code));
