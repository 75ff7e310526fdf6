/**
 * lightning-button: an SLDS button with an optional left icon. The owner's onclick listens on the host
 * element; a disabled button dispatches no click at all, as in the browser.
 */
import { LightningElement, api } from 'lwc';

const VARIANTS = new Set([
  'base',
  'neutral',
  'brand',
  'brand-outline',
  'destructive',
  'destructive-text',
  'inverse',
  'success'
]);

export default class Button extends LightningElement {
  @api label;
  @api title;
  @api iconName;
  @api variant = 'neutral';
  @api disabled = false;
  @api type = 'button';
  @api name;
  @api value;

  get buttonClass() {
    const variant = VARIANTS.has(this.variant) ? this.variant : 'neutral';
    return variant === 'base' ? 'slds-button' : `slds-button slds-button_${variant}`;
  }

  get iconHref() {
    const [category, name] = String(this.iconName ?? '').split(':');
    return `/slds/icons/${category}-sprite/svg/symbols.svg#${name}`;
  }

  @api
  focus() {
    this.template.querySelector('button')?.focus();
  }

  @api
  click() {
    this.template.querySelector('button')?.click();
  }
}
