/**
 * Entry of the LWC bundle the emulator's record page runs (see emulator/lwc/build.ts). Synthetic shadow
 * first, as Lightning Experience loads it: the component's SLDS classes then style its template the way
 * they do in an org.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import SwitchboardClickToDial from 'c/switchboardClickToDial';
import { connectHost } from './host-link';

export function createRecordComponent(host, props) {
  connectHost(host);
  const element = createElement('c-switchboard-click-to-dial', { is: SwitchboardClickToDial });
  Object.assign(element, props);
  return element;
}
