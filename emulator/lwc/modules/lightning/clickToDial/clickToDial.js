/**
 * lightning-click-to-dial as Lightning runs it: the number in North American format; while the softphone
 * has not enabled click-to-dial (enableClickToDial), plain text with the end_call icon and no handler;
 * once enabled, a link with the call icon whose click hands Lightning `{number: value, recordId, params}`.
 * Lightning adds the record's name and object type from recordId and calls the softphone's onClickToDial
 * listener (the emulator host does the same). click() dials only while enabled.
 *
 * The jest suite renders this stand-in as well (jest.config.js). There is no softphone there, so
 * click-to-dial stays disabled, as it is on a page without the Phone utility.
 */
import { LightningElement, api } from 'lwc';
import { displayNumber } from '../../../../../force-app/test/lightning-stand-ins/displayNumber';
import { connectedHost } from '../../../host-link';

const NO_SOFTPHONE = { enabled: () => false, onChange: () => () => undefined, dial: () => false };

function service() {
  return connectedHost()?.clickToDial ?? NO_SOFTPHONE;
}

export default class ClickToDial extends LightningElement {
  @api value;
  @api recordId;
  @api params;

  enabled = false;
  stopWatching = null;

  connectedCallback() {
    this.enabled = service().enabled();
    this.stopWatching = service().onChange((enabled) => {
      this.enabled = enabled;
    });
  }

  disconnectedCallback() {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  get formattedValue() {
    return typeof this.value === 'string' ? displayNumber(this.value) : '';
  }

  get linkTitle() {
    return `Call ${this.formattedValue}`;
  }

  @api
  click() {
    if (this.enabled) this.dial();
  }

  handleClick(event) {
    event.preventDefault();
    this.dial();
  }

  dial() {
    const request = { number: this.value };
    if (this.recordId) request.recordId = this.recordId;
    if (this.params) request.params = this.params;
    service().dial(request);
  }
}
