/**
 * The Lightning utility bar (bottom left) and the softphone panel above it. The iframe is created
 * once, eagerly (the flexipage item has eager=true), and never re-created: a minimised panel is
 * hidden with `visibility`, not `display:none`, so the adapter keeps a real size and keeps running.
 */
import type { Store } from '../store';
import { fill, h, icon } from './dom';

export interface UtilityParts {
  bar: HTMLElement;
  panel: HTMLElement;
  iframe: HTMLIFrameElement;
  render(): void;
}

function spinner(): HTMLElement {
  return h(
    'div',
    { class: 'slds-spinner_container emu-panel__spinner', dataId: 'softphone-spinner' },
    h(
      'div',
      { class: 'slds-spinner slds-spinner_medium slds-spinner_brand', attrs: { role: 'status' } },
      h('span', { class: 'slds-assistive-text' }, 'Loading'),
      h('div', { class: 'slds-spinner__dot-a' }),
      h('div', { class: 'slds-spinner__dot-b' })
    )
  );
}

export function createUtility(store: Store, iframeSrc: string, togglePanel: () => void): UtilityParts {
  const iframe = h('iframe', {
    class: 'emu-panel__frame',
    dataId: 'softphone-frame',
    title: 'Softphone',
    attrs: { src: iframeSrc, allow: 'microphone; autoplay', name: 'softphone' }
  });
  const headerTitle = h('h2', {
    class: 'slds-utility-panel__header-label emu-panel__label',
    dataId: 'panel-label'
  });
  const panelIcon = h('span', { class: 'emu-panel__icon' });
  const minimise = h(
    'button',
    {
      class: 'slds-button slds-button_icon slds-button_icon-small',
      title: 'Minimize',
      dataId: 'panel-minimise',
      onClick: togglePanel
    },
    icon('utility', 'minimize_window', 'slds-button__icon'),
    h('span', { class: 'slds-assistive-text' }, 'Minimize')
  );
  const spinnerEl = spinner();
  const panel = h(
    'section',
    {
      class: 'slds-utility-panel slds-grid slds-grid_vertical emu-panel',
      dataId: 'softphone-panel',
      attrs: { role: 'dialog', 'aria-label': 'Phone' }
    },
    h(
      'div',
      { class: 'slds-utility-panel__header slds-grid slds-shrink-none emu-panel__header' },
      h(
        'div',
        { class: 'slds-media slds-media_center' },
        h('div', { class: 'slds-media__figure slds-m-right_x-small' }, panelIcon),
        h('div', { class: 'slds-media__body' }, headerTitle)
      ),
      h('div', { class: 'slds-col_bump-left' }, minimise)
    ),
    h('div', { class: 'slds-utility-panel__body emu-panel__body' }, iframe, spinnerEl)
  );
  const itemLabel = h('span', { class: 'slds-utility-bar__text', dataId: 'utility-item-label' });
  const itemIcon = h('span', {});
  const itemButton = h(
    'button',
    {
      class: 'slds-button slds-utility-bar__action emu-utility-item',
      dataId: 'utility-item',
      onClick: togglePanel
    },
    itemIcon,
    itemLabel
  );
  const bar = h(
    'footer',
    { class: 'slds-utility-bar_container emu-utility-bar', attrs: { 'aria-label': 'Utility Bar' } },
    h('ul', { class: 'slds-utility-bar' }, h('li', { class: 'slds-utility-bar__item' }, itemButton))
  );

  function render(): void {
    const { panel: p, item, initialized } = store.state;
    panel.style.height = `${p.height}px`;
    panel.style.width = `${p.width}px`;
    // SLDS slides a closed panel below the bar; visibility keeps it from showing through while it keeps its size.
    panel.classList.toggle('slds-is-open', p.visible);
    panel.setAttribute('aria-hidden', String(!p.visible));
    headerTitle.textContent = p.label;
    fill(panelIcon, icon('utility', p.icon, 'slds-icon slds-icon_x-small slds-icon-text-default'));
    itemLabel.textContent = item.label;
    fill(itemIcon, icon('utility', item.icon, 'slds-button__icon slds-button__icon_left'));
    itemButton.classList.toggle('slds-is-active', p.visible);
    itemButton.setAttribute('aria-pressed', String(p.visible));
    spinnerEl.hidden = initialized;
  }

  return { bar, panel, iframe, render };
}
