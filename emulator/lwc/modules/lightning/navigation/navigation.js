/**
 * lightning/navigation: Navigate hands the page reference to the emulator's navigator (a record page
 * reference opens that record); GenerateUrl builds the Lightning URL for a record page.
 */
import { host } from '../../../host-link';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function recordUrl(pageReference) {
  const { recordId, objectApiName = 'sObject', actionName = 'view' } = pageReference?.attributes ?? {};
  return `/lightning/r/${objectApiName}/${recordId}/${actionName}`;
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      host().navigate(pageReference, replace === true);
    }
    [GenerateUrl](pageReference) {
      if (pageReference?.type !== 'standard__recordPage') {
        return Promise.reject(
          new Error(`The emulator builds URLs for record pages only, not ${pageReference?.type}`)
        );
      }
      return Promise.resolve(recordUrl(pageReference));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
