/**
 * lightning-badge: the host element itself is the SLDS badge (so a theme class the owner puts on it,
 * such as slds-theme_success, applies), showing its label.
 */
import { LightningElement, api } from 'lwc';

export default class Badge extends LightningElement {
  @api label;

  connectedCallback() {
    this.classList.add('slds-badge');
  }
}
