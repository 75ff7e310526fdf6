/**
 * lightning-card: the SLDS card with a title, an optional icon, an `actions` slot in the header and the
 * body in the default slot. Not modelled: the `title` and `footer` slots.
 */
import { LightningElement, api } from 'lwc';

export default class Card extends LightningElement {
  @api title;
  @api iconName;
  @api variant;
}
