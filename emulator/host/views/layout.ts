/** The page frame: global header, record navigation on the left, status badges. */
import { recordName } from '../data';
import type { Store } from '../store';
import { h, icon } from './dom';

const NAV_GROUPS = [
  { objectType: 'Account', label: 'Accounts' },
  { objectType: 'Contact', label: 'Contacts' },
  { objectType: 'Lead', label: 'Leads' }
];

export function globalHeader(status: HTMLElement, languageSwitch?: HTMLElement): HTMLElement {
  return h(
    'header',
    { class: 'slds-global-header_container emu-header' },
    h(
      'div',
      { class: 'slds-global-header slds-grid slds-grid_align-spread' },
      h(
        'div',
        { class: 'slds-global-header__item slds-grid slds-grid_vertical-align-center' },
        h('span', { class: 'emu-header__logo' }, icon('utility', 'call', 'slds-icon slds-icon_small')),
        h('span', { class: 'slds-text-heading_medium emu-header__title' }, 'Switchboard — Lightning emulator')
      ),
      h(
        'div',
        { class: 'slds-global-header__item slds-grid slds-grid_vertical-align-center' },
        status,
        languageSwitch
      )
    )
  );
}

export function statusBadges(store: Store): HTMLElement[] {
  const s = store.state;
  const badge = (text: string, on: boolean, dataId: string): HTMLElement =>
    h('span', { class: `slds-badge ${on ? 'slds-theme_success' : ''} slds-m-left_x-small`, dataId }, text);
  return [
    badge(
      s.initialized ? 'Softphone initialised' : 'Softphone loading…',
      s.initialized,
      'status-initialized'
    ),
    badge(`Click-to-dial ${s.clickToDialEnabled ? 'on' : 'off'}`, s.clickToDialEnabled, 'status-c2d'),
    badge(`Refreshes ${s.refreshCount}`, false, 'status-refresh')
  ];
}

export function recordNav(store: Store, openRecord: (id: string) => void): HTMLElement {
  const page = store.state.page;
  const currentId = page.kind === 'record' ? page.recordId : null;
  const extraTypes = [...new Set(store.state.records.map((r) => r.objectType))].filter(
    (t) => t !== 'Task' && !NAV_GROUPS.some((g) => g.objectType === t)
  );
  const groups = [...NAV_GROUPS, ...extraTypes.map((t) => ({ objectType: t, label: t }))];
  return h(
    'nav',
    { class: 'slds-nav-vertical slds-nav-vertical_compact', attrs: { 'aria-label': 'Records' } },
    ...groups.map((g) =>
      h(
        'div',
        { class: 'slds-nav-vertical__section' },
        h('h2', { class: 'slds-nav-vertical__title' }, g.label),
        h(
          'ul',
          {},
          ...store.state.records
            .filter((r) => r.objectType === g.objectType)
            .map((r) =>
              h(
                'li',
                { class: `slds-nav-vertical__item ${r.Id === currentId ? 'slds-is-active' : ''}` },
                h(
                  'a',
                  {
                    class: 'slds-nav-vertical__action',
                    dataId: `nav-${r.Id}`,
                    attrs: { href: 'javascript:void(0)' },
                    onClick: () => openRecord(r.Id)
                  },
                  recordName(r)
                )
              )
            )
        )
      )
    )
  );
}
