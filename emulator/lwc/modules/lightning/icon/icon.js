/**
 * lightning-icon: an SLDS sprite icon (`utility:call`, `standard:call`, …) from the design system the
 * emulator serves at /slds, with its alternative text for screen readers.
 */
import { LightningElement, api } from 'lwc';

const SIZES = new Set(['xx-small', 'x-small', 'small', 'medium', 'large']);

export default class Icon extends LightningElement {
  @api iconName;
  @api size = 'medium';
  @api alternativeText;
  @api variant;

  get parts() {
    const [category, name] = String(this.iconName ?? '').split(':');
    return { category: category || 'utility', name: name || 'info' };
  }

  get href() {
    const { category, name } = this.parts;
    return `/slds/icons/${category}-sprite/svg/symbols.svg#${name}`;
  }

  get containerClass() {
    const { category, name } = this.parts;
    const base = 'slds-icon_container';
    return category === 'utility' ? base : `${base} slds-icon-${category}-${name.replace(/_/g, '-')}`;
  }

  get svgClass() {
    const size = SIZES.has(this.size) ? this.size : 'medium';
    const sizeClass = size === 'medium' ? '' : ` slds-icon_${size}`;
    const fill = this.parts.category === 'utility' ? ' slds-icon-text-default' : '';
    return `slds-icon${sizeClass}${fill}`;
  }
}
