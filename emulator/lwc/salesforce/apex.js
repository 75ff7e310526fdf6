/**
 * @salesforce/apex: refreshApex(value) re-runs the Apex wire that provisioned `value` and resolves once
 * the new value is delivered, as the platform does.
 */
import { unwrap } from 'lwc';
import { provisionerOf } from './apex-method';

export function refreshApex(provisionedValue) {
  // A component hands back the value it stored in a field: the engine's reactive proxy of it.
  const adapter = provisionerOf(unwrap(provisionedValue));
  if (!adapter) return Promise.resolve(undefined);
  return adapter.fetch().then(() => undefined);
}

export function getSObjectValue(sObject, field) {
  const name = typeof field === 'string' ? field : field?.fieldApiName;
  return name ? sObject?.[name.split('.').pop()] : undefined;
}
