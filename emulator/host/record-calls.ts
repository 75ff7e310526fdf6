/**
 * The record page's call status, as the switchboardClickToDial LWC shows it in an org: the same
 * channel parsing, catch-up request, per-state badge and sentence and duration format — imported
 * from the component's own modules, so the emulator exercises the component's logic end to end.
 */
import { parseAdapterMessage, retryLog, sameRecord, stateRequest } from '../../force-app/main/default/lwc/switchboardClickToDial/channel.js';
import { STATE_VIEW, describeCall } from '../../force-app/main/default/lwc/switchboardClickToDial/callView.js';
import { formatDuration } from '../../force-app/main/default/lwc/switchboardClickToDial/format.js';
import type { CallStatusMessage } from '../../adapter/src/channel/contract';
import type { Json } from '../shared/protocol';
import type { MessageBus } from './message-bus';
import { card, h } from './views/dom';

const CHANNEL = 'Switchboard_Call__c';
const KEEP = 20;

// The component's parser checks every field; the adapter's contract types what it let through.
type Status = CallStatusMessage;
type StateKey = keyof typeof STATE_VIEW;

export class RecordCalls {
  private readiness: boolean | null = null;
  private calls: Status[] = [];
  private shownRecordId: string | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly bus: MessageBus,
    private readonly changed: () => void
  ) {
    bus.subscribeHost(CHANNEL, (raw) => this.receive(raw));
  }

  /** Like the component's connectedCallback: a record page that opens asks the adapter what it knows. */
  recordShown(recordId: string): void {
    if (recordId === this.shownRecordId) return;
    this.shownRecordId = recordId;
    this.bus.publishFromHost(CHANNEL, stateRequest(recordId) as Json);
  }

  card(recordId: string): HTMLElement {
    const mine = this.calls.filter((c) => sameRecord(c.recordId, recordId)).slice(0, 5);
    const readiness =
      this.readiness === true
        ? h('span', { class: 'slds-badge slds-theme_success', dataId: 'calls-readiness' }, 'Click-to-dial ready')
        : h('span', { class: 'slds-badge', dataId: 'calls-readiness' }, 'Click-to-dial unavailable: open the Phone utility, or ask your admin to add you to the call center');
    const now = Date.now();
    return card(
      'Calls (switchboardClickToDial)',
      'call',
      'record-calls',
      readiness,
      mine.length === 0
        ? h('p', { class: 'slds-text-color_weak slds-m-top_x-small' }, 'No calls for this record in this session.')
        : h(
            'ul',
            { class: 'slds-m-top_x-small' },
            ...mine.map((call) => {
              const view = STATE_VIEW[call.state as StateKey];
              const end = call.endedAt ?? now;
              const duration = call.connectedAt !== null ? formatDuration((end - call.connectedAt) / 1000) : null;
              return h(
                'li',
                { class: 'slds-m-bottom_x-small', dataId: `call-${call.callId}`, attrs: { 'data-state': call.state } },
                h('span', { class: `slds-badge ${view.badgeClass}`, dataId: `call-${call.callId}-state` }, view.label),
                ' ',
                h('span', {}, describeCall(call)),
                duration ? h('span', { class: 'slds-m-left_x-small', dataId: `call-${call.callId}-duration` }, duration) : null,
                call.taskId ? h('a', { class: 'slds-m-left_x-small', dataId: `call-${call.callId}-task`, attrs: { href: `#/Task/${call.taskId}` } }, 'View Task') : null,
                call.state === 'logFailed'
                  ? h('button', { class: 'slds-button slds-button_neutral slds-m-left_x-small', dataId: `call-${call.callId}-retry`, onClick: () => this.bus.publishFromHost(CHANNEL, retryLog(call.callId) as Json) }, 'Retry')
                  : null
              );
            })
          )
    );
  }

  private receive(raw: Json): void {
    const message = parseAdapterMessage(raw);
    if (!message) return;
    if (message.type === 'ready') this.readiness = (message as { ready: boolean }).ready;
    else if (message.type === 'status') {
      const status = message as unknown as Status;
      this.calls = [status, ...this.calls.filter((c) => c.callId !== status.callId)].slice(0, KEEP);
    }
    const live = this.calls.some((c) => STATE_VIEW[c.state as StateKey].live);
    if (live && !this.ticker) this.ticker = setInterval(() => this.changed(), 1000);
    if (!live && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
    this.changed();
  }
}
