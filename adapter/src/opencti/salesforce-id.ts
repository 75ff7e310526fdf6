/** A record Id as Salesforce writes it: 15 case-sensitive characters, or 18 with the checksum suffix. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Host data is still untrusted: anything used as a record Id must look like one. */
export function isSalesforceId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value);
}

/** A Task Id (key prefix 00T). */
export function isTaskId(value: unknown): value is string {
  return isSalesforceId(value) && value.startsWith('00T');
}
