/**
 * The message-channel contract between the adapter (publisher) and record-page components.
 * One schema, imported by the adapter and mirrored by the LWC (`switchboardClickToDial`),
 * carried over `Switchboard_Call__c` with `sforce.opencti.publish` / `lightning/messageService`.
 *
 * Lightning keeps no history on a channel, so a component that loads mid-call sends a
 * `stateRequest` and the adapter answers with a `status` for every call it knows about.
 */

export const CALL_CHANNEL = 'Switchboard_Call__c';
export const CHANNEL_SCHEMA_VERSION = 1;

/** Every `state` a `status` message may carry; the LWC's `CALL_STATES` must list the same, in order. */
export const CHANNEL_CALL_STATES = [
  'dialing',
  'ringing',
  'connected',
  'held',
  'wrapUp',
  'logging',
  'logged',
  'logFailed'
] as const;
export type ChannelCallState = (typeof CHANNEL_CALL_STATES)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** adapter → components: the state of one call. */
export interface CallStatusMessage {
  source: 'switchboard-adapter';
  version: typeof CHANNEL_SCHEMA_VERSION;
  type: 'status';
  callId: string;
  /** Record the call is logged against (click-to-dial record, or the screen-popped match). */
  recordId: string | null;
  direction: CallDirection;
  state: ChannelCallState;
  /** Display form of the other party's number. */
  number: string;
  /** Epoch milliseconds. */
  startedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  taskId: string | null;
  error: string | null;
}

/** adapter → components: whether click-to-dial works right now (softphone up, provider ready). */
export interface ReadinessMessage {
  source: 'switchboard-adapter';
  version: typeof CHANNEL_SCHEMA_VERSION;
  type: 'ready';
  ready: boolean;
  provider: 'demo' | 'sip';
}

/** component → adapter: "tell me everything you know" (sent on load). */
export interface StateRequestMessage {
  source: 'switchboard-component';
  version: typeof CHANNEL_SCHEMA_VERSION;
  type: 'stateRequest';
  recordId?: string;
}

/** component → adapter: retry a failed call log. */
export interface RetryLogMessage {
  source: 'switchboard-component';
  version: typeof CHANNEL_SCHEMA_VERSION;
  type: 'retryLog';
  callId: string;
}

export type AdapterMessage = CallStatusMessage | ReadinessMessage;
export type ComponentMessage = StateRequestMessage | RetryLogMessage;
export type ChannelMessage = AdapterMessage | ComponentMessage;

/** Narrows untrusted channel traffic to a component message the adapter acts on. */
export function parseComponentMessage(value: unknown): ComponentMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.source !== 'switchboard-component' || m.version !== CHANNEL_SCHEMA_VERSION) return null;
  if (m.type === 'stateRequest') {
    if (m.recordId !== undefined && typeof m.recordId !== 'string') return null;
    return m.recordId === undefined
      ? { source: 'switchboard-component', version: CHANNEL_SCHEMA_VERSION, type: 'stateRequest' }
      : {
          source: 'switchboard-component',
          version: CHANNEL_SCHEMA_VERSION,
          type: 'stateRequest',
          recordId: m.recordId
        };
  }
  if (m.type === 'retryLog' && typeof m.callId === 'string' && m.callId.length > 0) {
    return {
      source: 'switchboard-component',
      version: CHANNEL_SCHEMA_VERSION,
      type: 'retryLog',
      callId: m.callId
    };
  }
  return null;
}
