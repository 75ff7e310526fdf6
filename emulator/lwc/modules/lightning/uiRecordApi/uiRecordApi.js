/**
 * lightning/uiRecordApi's getRecord from the emulator's records (the host page's replica of the org),
 * in the UI API record shape; refreshed when the records change, as LDS keeps a wired record fresh.
 * getFieldValue / getFieldDisplayValue are the jest mock's (force-app/test/lightning-stand-ins).
 */
import { host } from '../../../host-link';
import { outcomeAdapter } from '../../../wire-adapters';

export {
  getFieldDisplayValue,
  getFieldValue
} from '../../../../../force-app/test/lightning-stand-ins/recordFields';

/** `Object.Field` names from names or field tokens, one or a list. */
function toNames(fields) {
  if (fields === undefined) return [];
  return (Array.isArray(fields) ? fields : [fields]).map((field) => {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  });
}

export const getRecord = outcomeAdapter({
  // LDS asks for nothing until it knows the record and at least one field.
  isReady: (config) =>
    typeof config.recordId === 'string' &&
    config.recordId !== '' &&
    (config.fields !== undefined || config.optionalFields !== undefined),
  load: (config) =>
    host().records.getRecord(config.recordId, {
      fields: toNames(config.fields),
      optionalFields: toNames(config.optionalFields)
    }),
  watch: (refetch) => host().records.onChange(refetch)
});
