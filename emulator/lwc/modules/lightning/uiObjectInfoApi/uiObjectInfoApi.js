/** lightning/uiObjectInfoApi's getObjectInfo: field API names and labels of the emulator's objects. */
import { host } from '../../../host-link';
import { outcomeAdapter } from '../../../wire-adapters';

/** A name, or an object token `{objectApiName}` imported from @salesforce/schema. */
function apiName(objectApiName) {
  return typeof objectApiName === 'string' ? objectApiName : objectApiName?.objectApiName;
}

export const getObjectInfo = outcomeAdapter({
  isReady: (config) => typeof apiName(config.objectApiName) === 'string',
  load: (config) => host().records.getObjectInfo(apiName(config.objectApiName))
});
