import {
  check,
  literal,
  nullable,
  object,
  picklist,
  pipe,
  regex,
  safeParse,
  string,
  variant,
  type BaseIssue,
  type InferOutput
} from 'valibot';
import type { EventInput, MachineState } from '../call/types';
import { isSalesforceId } from '../opencti/salesforce-id';
import { parseDialString } from '../phone/phone-number';
import {
  CALL_ID_MAX,
  DISPOSITION_MAX,
  NOTES_MAX,
  RecordRefSchema as recordRefSchema,
  text
} from '../persistence/call-schema';
import { machineStateSchema } from './tab-mirror';

/**
 * What the Switchboard tabs of one browser say to each other over the BroadcastChannel, and the
 * schemas every received message must pass. Any same-origin script (another Visualforce page, a
 * static resource) can post on that channel, so nothing is trusted because of its `type`: every
 * string is bounded, record ids pass the one Salesforce-id check, numbers pass the phone-number
 * module, a wrap-up carries a call result from the list, and a mirrored state is rebuilt.
 */

export type TabMessage =
  /** A tab joined: the leader answers with `leader` and a `mirror`. */
  | { type: 'hello' }
  /** The sender leads now (sent on winning the lock, and in answer to `hello`). */
  | { type: 'leader' }
  /** Follower → leader: hand the phone over (honoured only while idle). */
  | { type: 'takeOver' }
  /** Leader → followers: the whole machine state, so every tab's utility item, click-to-dial and channel agree. */
  | { type: 'mirror'; state: MachineState }
  /** Follower → leader: something the agent did in that tab (a button, a click-to-dial). */
  | { type: 'event'; event: ForwardedEvent };

export interface TabEnvelope {
  source: 'switchboard-tab';
  version: 1;
  from: string;
  message: TabMessage;
}

/** Agent actions a follower may forward; anything else arriving as an `event` is dropped. */
export const FORWARDABLE_EVENTS = [
  'DIAL_REQUESTED',
  'ANSWER',
  'DECLINE',
  'HANGUP',
  'TOGGLE_HOLD',
  'TOGGLE_MUTE',
  'DTMF',
  'TRANSFER',
  'SELECT_RECORD',
  'POP_SEARCH',
  'POP_NEW_RECORD',
  'WRAP_UP_EDITED',
  'SUBMIT_WRAP_UP',
  'RETRY_LOG',
  'DISMISS_NOTICE',
  'ANSWER_WAITING',
  'DECLINE_WAITING'
] as const;
type Forwardable = (typeof FORWARDABLE_EVENTS)[number];
export type ForwardedEvent = Extract<EventInput, { type: Forwardable }>;

/** What a received message is checked against that only the running softphone knows. */
export interface TabMessageRules {
  /** The call center's defaultCountry: how a national number in a dial or transfer is read. */
  defaultCountry: string;
  /** Call results a wrap-up may carry: the call center's list and the one the current call already has. */
  dispositions(): readonly string[];
}

export type TabParse<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Tab ids are crypto.randomUUID(); the bound and charset leave room for nothing else. */
const TAB_ID = pipe(string(), regex(/^[\w-]{1,100}$/));
/** lightning-click-to-dial's `params` and record names, as click-to-dial.ts bounds them. */
const PARAMS_MAX = 1000;
/** parseDialString refuses longer input anyway; bounding first keeps the parse cheap. */
const DIAL_INPUT_MAX = 64;

const nonEmptyText = (max: number) => pipe(text(max), regex(/\S/));

function buildEnvelopeSchema(rules: TabMessageRules) {
  const dialable = pipe(
    text(DIAL_INPUT_MAX),
    check<string, string>(
      (input) => parseDialString(input, rules.defaultCountry).ok,
      'a phone number or extension'
    )
  );
  const eventSchema = variant('type', [
    object({
      type: literal('DIAL_REQUESTED'),
      callId: nonEmptyText(CALL_ID_MAX),
      input: dialable,
      context: nullable(
        object({
          who: nullable(recordRefSchema),
          what: nullable(recordRefSchema),
          params: nullable(text(PARAMS_MAX))
        })
      )
    }),
    object({ type: literal('ANSWER') }),
    object({ type: literal('DECLINE') }),
    object({ type: literal('HANGUP') }),
    object({ type: literal('TOGGLE_HOLD') }),
    object({ type: literal('TOGGLE_MUTE') }),
    object({ type: literal('DTMF'), tones: pipe(string(), regex(/^[0-9A-D#*,]{1,32}$/i)) }),
    object({ type: literal('TRANSFER'), target: dialable }),
    object({
      type: literal('SELECT_RECORD'),
      recordId: pipe(
        string(),
        check<string, string>((id) => isSalesforceId(id), 'a Salesforce record id')
      )
    }),
    object({ type: literal('POP_SEARCH') }),
    object({ type: literal('POP_NEW_RECORD'), entityName: picklist(['Contact', 'Lead'] as const) }),
    object({
      type: literal('WRAP_UP_EDITED'),
      // Empty until the agent picks one; otherwise one the wrap-up form offers.
      disposition: pipe(
        text(DISPOSITION_MAX),
        check<string, string>(
          (d) => d === '' || rules.dispositions().includes(d),
          'a call result from the list'
        )
      ),
      notes: text(NOTES_MAX)
    }),
    object({ type: literal('SUBMIT_WRAP_UP') }),
    object({ type: literal('RETRY_LOG'), callId: nonEmptyText(CALL_ID_MAX) }),
    object({ type: literal('DISMISS_NOTICE') }),
    object({ type: literal('ANSWER_WAITING') }),
    object({ type: literal('DECLINE_WAITING') })
  ]);
  const messageSchema = variant('type', [
    object({ type: literal('hello') }),
    object({ type: literal('leader') }),
    object({ type: literal('takeOver') }),
    object({ type: literal('mirror'), state: machineStateSchema }),
    object({ type: literal('event'), event: eventSchema })
  ]);
  const envelopeSchema = object({
    source: literal('switchboard-tab'),
    version: literal(1),
    from: TAB_ID,
    message: messageSchema
  });
  return { eventSchema, envelopeSchema };
}

type Schemas = ReturnType<typeof buildEnvelopeSchema>;
// Compile-time guards: what the schemas let through is exactly what the softphone handles.
const envelopeFits = (e: InferOutput<Schemas['envelopeSchema']>): TabEnvelope => e;
const eventFits = (e: InferOutput<Schemas['eventSchema']>): ForwardedEvent => e;
void envelopeFits;
void eventFits;

/** The checks for one softphone (its country and wrap-up list), built once. */
export class TabMessageParser {
  private readonly schemas: Schemas;

  constructor(rules: TabMessageRules) {
    this.schemas = buildEnvelopeSchema(rules);
  }

  /** Anything that arrived on the channel. Output objects are fresh: nothing received is kept. */
  envelope(raw: unknown): TabParse<TabEnvelope> {
    const result = safeParse(this.schemas.envelopeSchema, raw);
    return result.success
      ? { ok: true, value: result.output }
      : { ok: false, reason: describeIssues(result.issues) };
  }

  /** An event this tab is about to forward: the same check the leader applies, so a refusal shows here. */
  forwardable(event: EventInput): TabParse<ForwardedEvent> {
    const result = safeParse(this.schemas.eventSchema, event);
    return result.success
      ? { ok: true, value: result.output }
      : { ok: false, reason: describeIssues(result.issues) };
  }
}

/**
 * Where a message failed and what was expected there — never the received value, which may hold
 * caller numbers, names or notes (valibot's own messages quote it).
 */
function describeIssues(issues: readonly BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const path =
    (first.path ?? []).map((item) => String((item as { key?: unknown }).key)).join('.') || '(message)';
  // A `check` carries our own constant message; schema messages would quote the value.
  const expected = first.type === 'check' ? first.message : (first.expected ?? first.type);
  return `${path}: expected ${expected}`;
}
