import {
  array,
  boolean,
  check,
  finite,
  integer,
  literal,
  maxEntries,
  maxLength,
  maxValue,
  minValue,
  nullable,
  number,
  object,
  picklist,
  pipe,
  record,
  regex,
  string,
  union,
  variant,
  type InferOutput
} from 'valibot';
import type { CallLog, MachineState } from '../call/types';
import { isSalesforceId } from '../opencti/salesforce-id';

/**
 * The machine state a leader mirrors to follower tabs, as a schema. Parsing builds every object
 * and array afresh from the listed fields only: a received object is never kept, because a
 * structured clone keeps an own `constructor: undefined`, which is exactly how Preact recognises
 * a vnode — an object passed through would render as markup. Every string has a bound, and the
 * output is typed as `MachineState`, so a new state field fails to compile here until it is listed.
 */

/** Bounded text; `max` follows the field's Salesforce limit or what the UI can show. */
export const text = (max: number) => pipe(string(), maxLength(max));

const time = pipe(number(), finite(), minValue(0));
const salesforceId = pipe(string(), check<string, string>((id) => isSalesforceId(id), 'a Salesforce record id'));

/** Mirrors the machine's own bounds (click-to-dial and search results clip names to 120). */
export const recordRefSchema = object({
  id: salesforceId,
  name: nullable(text(255)),
  objectType: nullable(pipe(string(), regex(/^\w{1,80}$/)))
});

const PHASES = ['idle', 'dialing', 'ringing', 'connected', 'held', 'wrapUp'] as const;
const END_CAUSES = [
  'local-hangup',
  'remote-hangup',
  'busy',
  'no-answer',
  'rejected',
  'canceled',
  'not-found',
  'unavailable',
  'auth-failed',
  'bad-media',
  'connection-lost',
  'invalid-number',
  'error'
] as const;
const REGISTRATION_STATES = ['unregistered', 'registering', 'registered', 'failed'] as const;
const DIRECTIONS = ['inbound', 'outbound'] as const;

/** Task.Description holds 32,000 characters; notes can never usefully be longer. */
export const NOTES_MAX = 32_000;
export const DISPOSITION_MAX = 255;
/** The call's id doubles as Task.CallObject (255). */
export const CALL_ID_MAX = 255;

const screenPopSchema = variant('status', [
  object({ status: literal('none') }),
  object({ status: literal('searching') }),
  object({ status: literal('found'), matches: pipe(array(recordRefSchema), maxLength(100)) }),
  object({ status: literal('failed'), error: text(1000) })
]);

const callSchema = object({
  id: text(CALL_ID_MAX),
  direction: picklist(DIRECTIONS),
  dial: text(64),
  display: text(100),
  callerName: nullable(text(255)),
  startedAt: time,
  connectedAt: nullable(time),
  endedAt: nullable(time),
  endCause: nullable(picklist(END_CAUSES)),
  muted: boolean(),
  held: boolean(),
  who: nullable(recordRefSchema),
  what: nullable(recordRefSchema),
  params: nullable(text(1000)),
  screenPop: screenPopSchema,
  transferTo: nullable(text(100)),
  disposition: text(DISPOSITION_MAX),
  notes: text(NOTES_MAX)
});

/** saveLog's value: field names as Salesforce spells them, primitive values only. */
const saveLogValueSchema = pipe(
  record(pipe(string(), regex(/^[A-Za-z]\w{0,79}$/)), nullable(union([text(NOTES_MAX), pipe(number(), finite()), boolean()]))),
  maxEntries(50)
);

const callLogSchema = object({
  callId: text(CALL_ID_MAX),
  value: saveLogValueSchema,
  status: picklist(['saving', 'saved', 'failed'] as const),
  taskId: nullable(salesforceId),
  error: nullable(text(1000)),
  attempts: pipe(number(), integer(), minValue(0), maxValue(1_000_000)),
  call: object({
    id: text(CALL_ID_MAX),
    direction: picklist(DIRECTIONS),
    display: text(100),
    startedAt: time,
    connectedAt: nullable(time),
    endedAt: nullable(time),
    recordId: nullable(salesforceId)
  })
});

export const machineStateSchema = object({
  phase: picklist(PHASES),
  call: nullable(callSchema),
  waiting: nullable(callSchema),
  parked: nullable(callSchema),
  // Unsaved logs are never pruned, so the bound is generous; a real backlog is a handful.
  logs: pipe(array(callLogSchema), maxLength(500)),
  initialized: boolean(),
  registration: picklist(REGISTRATION_STATES),
  registrationReason: nullable(text(200)),
  defaultCountry: pipe(string(), regex(/^[A-Z]{2}$/)),
  dispositions: pipe(array(text(DISPOSITION_MAX)), maxLength(100)),
  notice: nullable(object({ kind: picklist(['error', 'warning', 'info'] as const), text: text(2000) }))
});

// Compile-time guards: the schema's output must be a MachineState (and a CallLog), field for field.
const stateFits = (s: InferOutput<typeof machineStateSchema>): MachineState => s;
const logFits = (l: InferOutput<typeof callLogSchema>): CallLog => l;
void stateFits;
void logFits;
