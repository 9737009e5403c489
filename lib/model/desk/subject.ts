// Who a call was for, masked: its own module, so that a page which only shows outcomes (the popup) does not load the
// masking code.
import type { IdentifierType } from '@/lib/model/capillary/identifier';
import { maskIdentifier } from '@/lib/model/format/mask';
import type { Subject } from './outcome';

export function subjectOf(who: { identifierType: IdentifierType; identifierValue: string; brand: string }): Subject {
  return {
    identifierType: who.identifierType,
    maskedIdentifier: maskIdentifier(who.identifierType, who.identifierValue),
    brand: who.brand,
  };
}
