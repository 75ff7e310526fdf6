/** screenPop newRecord: the "New <entity>" modal, prefilled from params.defaultFieldValues. */
import type { Json } from '../../shared/protocol';
import type { FieldValue } from '../data';
import type { NewRecordModal } from '../store';
import { h } from './dom';

const STANDARD_FIELDS: Record<string, string[]> = {
  Contact: ['FirstName', 'LastName', 'Phone'],
  Lead: ['FirstName', 'LastName', 'Company', 'Phone'],
  Account: ['Name', 'Phone'],
  Case: ['Subject', 'Description']
};

export interface ModalActions {
  save(entityName: string, fields: Record<string, FieldValue>): void;
  cancel(): void;
}

function initialValue(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function newRecordModal(modal: NewRecordModal, actions: ModalActions): HTMLElement {
  const names = [
    ...new Set([...(STANDARD_FIELDS[modal.entityName] ?? ['Name']), ...Object.keys(modal.defaultFieldValues)])
  ];
  const inputs = new Map<string, HTMLInputElement>();
  const rows = names.map((name) => {
    const input = h('input', {
      class: 'slds-input',
      dataId: `new-record-field-${name}`,
      attrs: { id: `nr-${name}`, type: 'text' }
    });
    input.value = initialValue(modal.defaultFieldValues[name]);
    inputs.set(name, input);
    return h(
      'div',
      { class: 'slds-form-element slds-m-bottom_small' },
      h('label', { class: 'slds-form-element__label', attrs: { for: `nr-${name}` } }, name),
      h('div', { class: 'slds-form-element__control' }, input)
    );
  });
  const save = (): void => {
    const fields: Record<string, FieldValue> = {};
    for (const [name, input] of inputs) if (input.value !== '') fields[name] = input.value;
    actions.save(modal.entityName, fields);
  };
  return h(
    'div',
    { dataId: 'new-record-modal' },
    h(
      'section',
      {
        class: 'slds-modal slds-fade-in-open',
        attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'nr-title' }
      },
      h(
        'div',
        { class: 'slds-modal__container' },
        h(
          'div',
          { class: 'slds-modal__header' },
          h(
            'h1',
            { class: 'slds-modal__title slds-hyphenate', attrs: { id: 'nr-title' } },
            `New ${modal.entityName}`
          )
        ),
        h('div', { class: 'slds-modal__content slds-p-around_medium' }, ...rows),
        h(
          'div',
          { class: 'slds-modal__footer' },
          h(
            'button',
            {
              class: 'slds-button slds-button_neutral',
              dataId: 'new-record-cancel',
              onClick: () => actions.cancel()
            },
            'Cancel'
          ),
          h(
            'button',
            { class: 'slds-button slds-button_brand', dataId: 'new-record-save', onClick: save },
            'Save'
          )
        )
      )
    ),
    h('div', { class: 'slds-backdrop slds-backdrop_open', attrs: { role: 'presentation' } })
  );
}
