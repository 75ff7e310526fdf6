import type { CallQuality } from '../quality/call-quality';

/** Which kind of line the softphone runs: the simulated demo line or a SIP account. */
export type ProviderKind = 'demo' | 'sip';

/** Why a call ended or never connected, in our own words (each provider maps its causes onto these). */
export type EndCause =
  | 'local-hangup'
  | 'remote-hangup'
  | 'busy'
  | 'no-answer'
  | 'rejected'
  | 'canceled'
  | 'not-found'
  | 'unavailable'
  | 'auth-failed'
  | 'bad-media'
  | 'connection-lost'
  | 'invalid-number'
  | 'error';

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

/** The Task fields of one call log, as the host's saveLog takes them (the port passes it on unchanged). */
export type TaskLogValue = Record<string, string | number | boolean | null>;

/** The records the machine asks the host to open: a subset of what Open CTI's screenPop accepts. */
export type ScreenPopTarget =
  | { type: 'sobject'; params: { recordId: string } }
  | { type: 'search'; params: { searchString: string } }
  | { type: 'newRecord'; params: { entityName: string; defaultFieldValues?: Record<string, unknown> } };

export type Phase = 'idle' | 'dialing' | 'ringing' | 'connected' | 'held' | 'wrapUp';
export type Direction = 'inbound' | 'outbound';

export interface RecordRef {
  id: string;
  name: string | null;
  objectType: string | null;
}

export type ScreenPop =
  | { status: 'none' }
  | { status: 'searching' }
  | { status: 'found'; matches: RecordRef[] }
  | { status: 'failed'; error: string };

export interface Call {
  /** Ours, from the moment the call exists: keys the outbox, drafts and effects. */
  id: string;
  /** The network's SIP Call-ID (checked, see sip-call-id.ts); the Task's CallObject when known. Null on the demo line. */
  sipCallId: string | null;
  direction: Direction;
  /** What goes to the provider: E.164 or an internal extension. */
  dial: string;
  /** What the agent reads. */
  display: string;
  /** Caller's display name from the network; untrusted text, rendered as text only. */
  callerName: string | null;
  startedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  endCause: EndCause | null;
  muted: boolean;
  held: boolean;
  /** Contact or Lead the log goes to (Task.WhoId). */
  who: RecordRef | null;
  /** Any other record the log relates to (Task.WhatId). */
  what: RecordRef | null;
  /** `params` from lightning-click-to-dial, kept for the log. */
  params: string | null;
  screenPop: ScreenPop;
  /** Where the agent is handing the call (blind transfer in progress, or done once the call ended). */
  transferTo: string | null;
  /** Wrap-up form as the agent left it; kept so a new call or a reload loses nothing. */
  disposition: string;
  notes: string;
  /** Estimated MOS and codec from the line's media statistics (SIP calls); null when none were sampled. */
  quality: CallQuality | null;
}

export type LogStatus = 'saving' | 'saved' | 'failed';

export interface CallLog {
  callId: string;
  value: TaskLogValue;
  status: LogStatus;
  taskId: string | null;
  error: string | null;
  attempts: number;
  /** Enough of the call to publish its status after the call itself is gone. */
  call: Pick<Call, 'id' | 'direction' | 'display' | 'startedAt' | 'connectedAt' | 'endedAt'> & {
    recordId: string | null;
  };
}

export interface Notice {
  kind: 'error' | 'warning' | 'info';
  text: string;
}

export interface MachineState {
  phase: Phase;
  call: Call | null;
  /** A second inbound call offered while the agent is on a call (call waiting). */
  waiting: Call | null;
  /** The first call, held while the agent talks to the one they answered from call waiting. */
  parked: Call | null;
  logs: CallLog[];
  initialized: boolean;
  registration: RegistrationState;
  registrationReason: string | null;
  defaultCountry: string;
  dispositions: string[];
  notice: Notice | null;
}

/** What a reload leaves of the machine: the phase and calls as they were, and when that was last written. */
export interface RestoredDraft {
  phase: Exclude<Phase, 'idle'>;
  call: Call;
  waiting: Call | null;
  parked: Call | null;
  savedAt: number;
}

/** A record the agent clicked a number on (onClickToDial payload, already checked). */
export interface DialContext {
  who: RecordRef | null;
  what: RecordRef | null;
  params: string | null;
}

export type MachineEvent = { at: number } & (
  | { type: 'INITIALIZED'; defaultCountry: string; dispositions: string[] }
  | { type: 'REGISTRATION'; state: RegistrationState; reason?: string }
  | { type: 'DIAL_REQUESTED'; callId: string; input: unknown; context: DialContext | null }
  | { type: 'INCOMING'; callId: string; from: string; displayName?: string; sipCallId?: string }
  /** The line learned the network's id for a call it placed (SIP: the INVITE's Call-ID). */
  | { type: 'IDENTIFIED'; callId: string; sipCallId: string }
  | { type: 'PROGRESS'; callId: string }
  | { type: 'CONNECTED'; callId: string }
  | { type: 'HELD'; callId: string; held: boolean }
  | { type: 'ENDED'; callId: string; cause: EndCause; detail?: string }
  /** One media-statistics interval of a connected call (RTT, jitter, loss in ms and %). */
  | {
      type: 'QUALITY_SAMPLE';
      callId: string;
      rttMs: number;
      jitterMs: number;
      lossPercent: number;
      codec: string | null;
    }
  | { type: 'ANSWER' }
  | { type: 'DECLINE' }
  | { type: 'ANSWER_WAITING' }
  | { type: 'DECLINE_WAITING' }
  | { type: 'HANGUP' }
  | { type: 'TOGGLE_HOLD' }
  | { type: 'TOGGLE_MUTE' }
  | { type: 'DTMF'; tones: string }
  | { type: 'TRANSFER'; target: string }
  | { type: 'TRANSFER_FAILED'; callId: string; reason: string }
  | { type: 'SCREEN_POP_RESULT'; callId: string; matches: RecordRef[] }
  | { type: 'SCREEN_POP_FAILED'; callId: string; error: string }
  | { type: 'SELECT_RECORD'; recordId: string }
  | { type: 'POP_SEARCH' }
  | { type: 'POP_NEW_RECORD'; entityName: 'Contact' | 'Lead' }
  | { type: 'WRAP_UP_EDITED'; disposition: string; notes: string }
  | { type: 'SUBMIT_WRAP_UP' }
  | { type: 'LOG_SAVED'; callId: string; taskId: string }
  | { type: 'LOG_FAILED'; callId: string; error: string }
  | { type: 'RETRY_LOG'; callId: string }
  /** Log delivery is sending a log now (the first send or a retry); `attempts` is its count of sends started. */
  | { type: 'LOG_SENDING'; callId: string; attempts: number }
  /** After a reload: the call that was up (if any) and every log not yet confirmed, from browser storage. */
  | { type: 'RESTORE'; draft: RestoredDraft | null; logs: CallLog[] }
  | { type: 'NOTICE'; notice: Notice }
  | { type: 'DISMISS_NOTICE' }
);

export type EventType = MachineEvent['type'];
/** An event as its sender builds it; the runner stamps `at` (the machine never reads a clock). */
export type EventInput = MachineEvent extends infer E
  ? E extends MachineEvent
    ? Omit<E, 'at'>
    : never
  : never;
export type EventOf<T extends EventType> = Extract<MachineEvent, { type: T }>;

/** Side effects as data; the effect runner carries them out and feeds results back as events. */
export type Effect =
  | { type: 'dial'; callId: string; number: string }
  | { type: 'answer'; callId: string }
  | { type: 'decline'; callId: string }
  | { type: 'hangup'; callId: string }
  | { type: 'hold'; callId: string; held: boolean }
  | { type: 'mute'; callId: string; muted: boolean }
  | { type: 'dtmf'; callId: string; tones: string }
  | { type: 'transfer'; callId: string; number: string }
  | { type: 'showPanel' }
  | { type: 'searchCaller'; callId: string; number: string; direction: Direction }
  | { type: 'screenPop'; pop: ScreenPopTarget }
  | { type: 'saveLog'; callId: string; value: TaskLogValue }
  | { type: 'refreshView' };

export type Transition = readonly [MachineState, readonly Effect[]];
