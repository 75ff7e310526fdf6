/** The centre of the page: whatever the host navigated to (record, search results, object home, …). */
import { PHONE_FIELDS, recordName, type SRecord } from '../data';
import { searchRecords } from '../search';
import type { Page, Store } from '../store';
import { displayNumber } from '../../../force-app/test/lightning-stand-ins/displayNumber.js';
import { card, h, icon, type Child } from './dom';

export interface PageActions {
  openRecord(recordId: string): void;
  dial(record: SRecord, field: string): void;
}

const OBJECT_ICONS: Record<string, string> = {
  Contact: 'contact',
  Lead: 'lead',
  Account: 'account',
  Task: 'task',
  Case: 'case'
};

function objectIcon(objectType: string, size = 'slds-icon_small'): SVGSVGElement {
  const name = OBJECT_ICONS[objectType] ?? 'record';
  return icon('standard', name, `slds-icon ${size} slds-icon-standard-${name}`);
}

/**
 * lightning-click-to-dial: enabled → a link with a call icon whose click dials; disabled → plain
 * text with the end_call icon and no handler at all.
 */
export function clickToDial(
  record: SRecord,
  field: string,
  value: string,
  enabled: boolean,
  actions: PageActions
): HTMLElement {
  const dataId = `c2d-${record.Id}-${field}`;
  if (!enabled) {
    return h(
      'span',
      { class: 'emu-c2d emu-c2d_disabled', dataId },
      icon('utility', 'end_call', 'slds-icon slds-icon_xx-small slds-icon-text-light'),
      ' ',
      displayNumber(value)
    );
  }
  return h(
    'a',
    {
      class: 'emu-c2d',
      dataId,
      attrs: { href: 'javascript:void(0)', role: 'button' },
      title: `Call ${value}`,
      onClick: (event) => {
        event.preventDefault();
        actions.dial(record, field);
      }
    },
    icon('utility', 'call', 'slds-icon slds-icon_xx-small slds-icon-text-default'),
    ' ',
    displayNumber(value)
  );
}

function recordLink(record: SRecord, actions: PageActions): HTMLElement {
  return h(
    'a',
    {
      attrs: { href: 'javascript:void(0)' },
      dataId: `link-${record.Id}`,
      onClick: () => actions.openRecord(record.Id)
    },
    recordName(record)
  );
}

function pageHeader(objectLabel: string, title: string, iconEl: Element): HTMLElement {
  return h(
    'div',
    { class: 'slds-page-header slds-page-header_record-home emu-page-header' },
    h(
      'div',
      { class: 'slds-media' },
      h('div', { class: 'slds-media__figure' }, iconEl),
      h(
        'div',
        { class: 'slds-media__body' },
        h('p', { class: 'slds-text-body_small slds-text-color_weak' }, objectLabel),
        h('h1', { class: 'slds-page-header__title', dataId: 'page-title' }, title)
      )
    )
  );
}

function fieldRow(store: Store, record: SRecord, field: string, actions: PageActions): HTMLElement {
  const value = record.fields[field];
  let content: Child = value === null || value === undefined ? '' : String(value);
  if ((PHONE_FIELDS as readonly string[]).includes(field) && typeof value === 'string' && value !== '') {
    content = clickToDial(record, field, value, store.state.clickToDialEnabled, actions);
  } else if (field.endsWith('Id') && typeof value === 'string') {
    const target = store.findRecord(value);
    if (target) content = recordLink(target, actions);
  }
  return h(
    'div',
    { class: 'slds-form-element slds-form-element_readonly emu-field' },
    h('span', { class: 'slds-form-element__label' }, field),
    h(
      'div',
      { class: 'slds-form-element__control' },
      h('div', { class: 'slds-form-element__static' }, content)
    )
  );
}

/** A record page's header and fields (the part above the record's components). */
export function recordTop(store: Store, record: SRecord, actions: PageActions): HTMLElement[] {
  return [
    pageHeader(record.objectType, recordName(record), objectIcon(record.objectType, 'slds-icon_medium')),
    h(
      'div',
      { class: 'slds-grid slds-wrap slds-p-around_medium emu-fields' },
      ...Object.keys(record.fields).map((f) => fieldRow(store, record, f, actions))
    )
  ];
}

/** The record's Activity related list: the Tasks whose WhoId or WhatId is the record. */
export function recordActivity(store: Store, record: SRecord): HTMLElement {
  const related = store.state.records.filter(
    (r) => r.objectType === 'Task' && (r.fields.WhoId === record.Id || r.fields.WhatId === record.Id)
  );
  return card(
    `Activity (${related.length})`,
    'activity',
    'related-activity',
    related.length === 0
      ? h('p', { class: 'slds-text-color_weak' }, 'No logged calls yet.')
      : h(
          'ul',
          { class: 'slds-list_dotted' },
          ...related.map((t) => h('li', {}, `${recordName(t)} — ${String(t.fields.Status ?? '')}`))
        )
  );
}

function missingRecordPage(recordId: string): HTMLElement {
  return h(
    'div',
    {},
    pageHeader(
      'Record',
      'Record unavailable',
      icon('utility', 'warning', 'slds-icon slds-icon_small slds-icon-text-warning')
    ),
    h('p', { class: 'slds-p-around_medium' }, `No record with Id ${recordId} in the emulator.`)
  );
}

function recordTable(store: Store, records: SRecord[], actions: PageActions, dataId: string): HTMLElement {
  if (records.length === 0)
    return h('p', { class: 'slds-p-around_medium slds-text-color_weak', dataId }, 'No matching records.');
  return h(
    'table',
    { class: 'slds-table slds-table_cell-buffer slds-table_bordered', dataId },
    h(
      'thead',
      {},
      h(
        'tr',
        { class: 'slds-line-height_reset' },
        ...['Name', 'Object', 'Phone', 'Mobile'].map((c) => h('th', { attrs: { scope: 'col' } }, c))
      )
    ),
    h(
      'tbody',
      {},
      ...records.map((r) =>
        h(
          'tr',
          { dataId: `row-${r.Id}` },
          h('td', {}, recordLink(r, actions)),
          h('td', {}, r.objectType),
          h(
            'td',
            {},
            typeof r.fields.Phone === 'string'
              ? clickToDial(r, 'Phone', r.fields.Phone, store.state.clickToDialEnabled, actions)
              : ''
          ),
          h(
            'td',
            {},
            typeof r.fields.MobilePhone === 'string'
              ? clickToDial(r, 'MobilePhone', r.fields.MobilePhone, store.state.clickToDialEnabled, actions)
              : ''
          )
        )
      )
    )
  );
}

function homePage(): HTMLElement {
  return h(
    'div',
    { dataId: 'home' },
    pageHeader(
      'Home',
      'Lightning emulator',
      icon('standard', 'home', 'slds-icon slds-icon_medium slds-icon-standard-home')
    ),
    h(
      'div',
      { class: 'slds-p-around_medium slds-text-longform' },
      h(
        'p',
        {},
        'This page stands in for Lightning Experience. The softphone in the Phone utility (bottom left) is the real adapter page, framed from a different origin and talking Open CTI over postMessage.'
      ),
      h(
        'ul',
        {},
        h(
          'li',
          {},
          'Pick a record on the left; phone numbers become click-to-dial links once the softphone enables click-to-dial.'
        ),
        h(
          'li',
          {},
          'Logged calls appear under Tasks; Lightning Message Service traffic under Message channel.'
        ),
        h('li', {}, 'Drive it from the console or tests with window.emulator (see docs/emulator.md).')
      )
    )
  );
}

export function renderPage(store: Store, page: Page, actions: PageActions): HTMLElement {
  const records = store.state.records;
  switch (page.kind) {
    case 'home':
      return homePage();
    case 'record': {
      // A record that exists is rendered by PageView (views/page-view.ts), around its component.
      const record = store.findRecord(page.recordId);
      return record
        ? h(
            'div',
            { dataId: `record-${record.Id}` },
            ...recordTop(store, record, actions),
            recordActivity(store, record)
          )
        : missingRecordPage(page.recordId);
    }
    case 'search':
      return h(
        'div',
        { dataId: 'search-page' },
        pageHeader(
          'Search results',
          `“${page.searchString}”`,
          icon('utility', 'search', 'slds-icon slds-icon_small slds-icon-text-default')
        ),
        recordTable(store, searchRecords(records, page.searchString), actions, 'search-results')
      );
    case 'objecthome':
      return h(
        'div',
        { dataId: 'objecthome-page' },
        pageHeader('Object home', page.scope, objectIcon(page.scope, 'slds-icon_medium')),
        recordTable(
          store,
          records.filter((r) => r.objectType === page.scope),
          actions,
          'objecthome-results'
        )
      );
    case 'list':
      return h(
        'div',
        { dataId: 'list-page' },
        pageHeader(`List view ${page.listViewId}`, page.scope, objectIcon(page.scope, 'slds-icon_medium')),
        recordTable(
          store,
          records.filter((r) => r.objectType === page.scope),
          actions,
          'list-results'
        )
      );
    case 'url':
      return h(
        'div',
        { dataId: 'url-page' },
        pageHeader(
          'URL',
          page.url,
          icon('utility', 'link', 'slds-icon slds-icon_small slds-icon-text-default')
        ),
        h(
          'p',
          { class: 'slds-p-around_medium' },
          'The emulator does not load URLs; in an org Lightning would navigate here.'
        )
      );
    case 'flow':
      return h(
        'div',
        { dataId: 'flow-page' },
        pageHeader(
          'Screen flow',
          `Flow ${page.flowDevName}`,
          icon('utility', 'flow', 'slds-icon slds-icon_small slds-icon-text-default')
        ),
        h('pre', { class: 'slds-p-around_medium emu-json' }, JSON.stringify(page.flowArgs, null, 2))
      );
  }
}
