import type { DialContext, RecordRef } from '../call/types';
import { isSalesforceId } from '../opencti/salesforce-id';
import type { ClickToDialPayload } from '../opencti/types';

function ref(id: unknown, name: unknown, objectType: unknown): RecordRef | null {
  if (!isSalesforceId(id)) return null;
  return {
    id,
    name: typeof name === 'string' && name.length > 0 ? name.slice(0, 120) : null,
    objectType: typeof objectType === 'string' && /^\w{1,80}$/.test(objectType) ? objectType : null
  };
}

/**
 * Turns an onClickToDial payload into the records the call is logged against. The payload is
 * host data but still unchecked: ids must look like Salesforce ids, and person accounts relate
 * the Task to the person contact (WhoId) and its account (WhatId).
 */
export function dialContextFrom(payload: ClickToDialPayload): DialContext {
  const params = typeof payload.params === 'string' && payload.params.length <= 1000 ? payload.params : null;
  if (payload.personAccount === true) {
    const who = ref(payload.contactId, payload.recordName, 'Contact');
    const what = ref(payload.accountId ?? payload.recordId, payload.recordName, 'Account');
    return { who, what, params };
  }
  const record = ref(payload.recordId, payload.recordName, payload.objectType);
  if (!record) return { who: null, what: null, params };
  const isPerson = record.objectType === 'Contact' || record.objectType === 'Lead';
  return isPerson ? { who: record, what: null, params } : { who: null, what: record, params };
}
