/** Tasks, message channel, navigation and protocol logs: what the softphone did, made visible. */
import { recordName } from '../data';
import type { Store } from '../store';
import { card, h, time } from './dom';

/** The table shows the newest Tasks only: a soak of hundreds of calls must not make every render slower. */
export const TASKS_SHOWN = 50;

const TASK_COLUMNS = [
  'Subject',
  'Status',
  'CallType',
  'CallDurationInSeconds',
  'CallDisposition',
  'CallObject',
  'WhoId',
  'ActivityDate',
  'Description'
];

export function tasksCard(store: Store): HTMLElement {
  const tasks = store.state.records.filter((r) => r.objectType === 'Task');
  const body =
    tasks.length === 0
      ? h('p', { class: 'slds-text-color_weak' }, 'No Tasks yet. Calls logged with saveLog appear here.')
      : h(
          'div',
          { class: 'emu-scroll-x' },
          h(
            'table',
            { class: 'slds-table slds-table_cell-buffer slds-table_bordered slds-table_striped emu-tasks' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...TASK_COLUMNS.map((c) =>
                  h('th', { attrs: { scope: 'col' } }, c === 'WhoId' ? 'Name (WhoId)' : c)
                )
              )
            ),
            h(
              'tbody',
              {},
              ...tasks
                .slice(-TASKS_SHOWN)
                .reverse()
                .map((t) =>
                  h(
                    'tr',
                    { dataId: `task-${t.Id}` },
                    ...TASK_COLUMNS.map((c) => {
                      const value = t.fields[c];
                      const text =
                        c === 'WhoId'
                          ? store.nameOf(value) || String(value ?? '')
                          : value === undefined || value === null
                            ? ''
                            : String(value);
                      return h('td', { dataId: `task-${t.Id}-${c}`, title: text }, text);
                    })
                  )
                )
            )
          )
        );
  const title =
    tasks.length > TASKS_SHOWN
      ? `Tasks (${tasks.length}, newest ${TASKS_SHOWN} shown)`
      : `Tasks (${tasks.length})`;
  return card(title, 'task', 'tasks-panel', body);
}

export function channelLogList(store: Store): HTMLElement {
  const entries = store.state.channelLog.slice(-50).reverse();
  if (entries.length === 0) return h('p', { class: 'slds-text-color_weak' }, 'No messages yet.');
  return h(
    'ul',
    { class: 'emu-log' },
    ...entries.map((e) =>
      h(
        'li',
        { class: 'emu-log__item' },
        h(
          'span',
          {
            class: `slds-badge ${e.direction === 'adapter→host' ? 'slds-theme_success' : 'slds-badge_inverse'}`
          },
          e.direction
        ),
        ' ',
        h('code', {}, e.channel),
        e.deliveredToAdapter || e.direction === 'adapter→host'
          ? ''
          : h('span', { class: 'slds-text-color_weak' }, ' (adapter not subscribed)'),
        h('span', { class: 'emu-log__time' }, time(e.at)),
        h('pre', { class: 'emu-json' }, JSON.stringify(e.message))
      )
    )
  );
}

export function navigationCard(store: Store): HTMLElement {
  const entries = store.state.navigation.slice(-30).reverse();
  return card(
    `Navigation (${store.state.navigation.length})`,
    'breadcrumbs',
    'navigation-panel',
    entries.length === 0
      ? h('p', { class: 'slds-text-color_weak' }, 'No navigation yet.')
      : h(
          'ul',
          { class: 'emu-log' },
          ...entries.map((e) => {
            const record = e.recordId ? store.findRecord(e.recordId) : undefined;
            return h(
              'li',
              { class: 'emu-log__item' },
              h('span', { class: 'slds-badge' }, e.kind),
              ' ',
              record ? recordName(record) : e.url.replace(/^https?:\/\/[^/]+/, ''),
              h('span', { class: 'emu-log__time' }, `${e.source} · ${time(e.at)}`)
            );
          })
        )
  );
}

export function protocolCard(store: Store): HTMLElement {
  const { calls, protocolErrors, listenersRegistered } = store.state;
  const listeners = Object.entries(listenersRegistered)
    .map(([m, n]) => `${m}×${n}`)
    .join(', ');
  return card(
    `Open CTI calls (${calls.length})`,
    'apex',
    'protocol-panel',
    protocolErrors.length > 0
      ? h(
          'div',
          { class: 'slds-notify slds-notify_alert slds-alert_error emu-alert', attrs: { role: 'alert' } },
          `${protocolErrors.length} protocol error(s); last: ${protocolErrors[protocolErrors.length - 1]?.reason ?? ''}`
        )
      : null,
    h('p', { class: 'slds-text-body_small slds-text-color_weak' }, `Listeners: ${listeners || 'none'}`),
    h(
      'ul',
      { class: 'emu-log' },
      ...calls
        .slice(-25)
        .reverse()
        .map((c) =>
          h(
            'li',
            { class: 'emu-log__item' },
            h('code', {}, c.methodName),
            ` #${c.callId}`,
            h('span', { class: 'emu-log__time' }, time(c.at)),
            Object.keys(c.args).length > 0 ? h('pre', { class: 'emu-json' }, JSON.stringify(c.args)) : null
          )
        )
    )
  );
}
