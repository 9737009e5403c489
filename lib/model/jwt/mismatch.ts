// Whether a token was issued for the customer, device and brand now in the popup's form.
import { identifierKey } from '@/lib/model/capillary/identifier';
import type { Draft } from '@/lib/model/desk/stored';
import { maskIdentifier } from '@/lib/model/format/mask';
import type { JsonObject } from './decode';

export interface Mismatch {
  field: 'identifier' | 'deviceId' | 'brand';
  token: string;
  form: string;
}

/** Differences between the token header's idv / dev / org and the form; identifiers come back masked. */
export function findMismatches(header: JsonObject, draft: Draft): Mismatch[] {
  const found: Mismatch[] = [];
  const idv = (Array.isArray(header.idv) ? header.idv : [header.idv]).filter((entry) => typeof entry === 'string') as string[];
  const formKey = identifierKey(draft.identifierType, draft.identifierValue);
  const sameAsForm = (entry: string) => {
    const [type, ...rest] = entry.split('|');
    return type === draft.identifierType && identifierKey(draft.identifierType, rest.join('|')) === formKey;
  };
  if (idv.length > 0 && formKey !== '' && !idv.some(sameAsForm)) {
    found.push({
      field: 'identifier',
      token: idv.map((entry) => maskEntry(entry)).join(', '),
      form: `${draft.identifierType} ${maskIdentifier(draft.identifierType, draft.identifierValue)}`,
    });
  }
  if (typeof header.dev === 'string' && draft.deviceId.trim() !== '' && header.dev !== draft.deviceId.trim()) {
    found.push({ field: 'deviceId', token: header.dev, form: draft.deviceId.trim() });
  }
  if (typeof header.org === 'string' && draft.brand.trim() !== '' && header.org.toUpperCase() !== draft.brand.trim().toUpperCase()) {
    found.push({ field: 'brand', token: header.org, form: draft.brand.trim() });
  }
  return found;
}

function maskEntry(entry: string): string {
  const [type, ...rest] = entry.split('|');
  const value = rest.join('|');
  return `${type} ${maskIdentifier(type === 'EMAIL' ? 'EMAIL' : 'MOBILE', value)}`;
}
