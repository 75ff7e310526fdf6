import {
  array,
  boolean,
  finite,
  integer,
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
  type InferOutput
} from 'valibot';
import type { CallLog, MachineState } from '../call/types';
import {
  CALL_ID_MAX,
  CallSchema,
  DISPOSITION_MAX,
  NOTES_MAX,
  salesforceId,
  text,
  time
} from '../persistence/call-schema';

/**
 * The machine state a leader mirrors to follower tabs, as a schema. Parsing builds every object
 * and array afresh from the listed fields only: a received object is never kept, because a
 * structured clone keeps an own `constructor: undefined`, which is exactly how Preact recognises
 * a vnode — an object passed through would render as markup. Every string has a bound, and the
 * output is typed as `MachineState`, so a new state field fails to compile here until it is listed.
 */

const PHASES = ['idle', 'dialing', 'ringing', 'connected', 'held', 'wrapUp'] as const;
const REGISTRATION_STATES = ['unregistered', 'registering', 'registered', 'failed'] as const;
const DIRECTIONS = ['inbound', 'outbound'] as const;

/** saveLog's value: field names as Salesforce spells them, primitive values only. */
const saveLogValueSchema = pipe(
  record(
    pipe(string(), regex(/^[A-Za-z]\w{0,79}$/)),
    nullable(union([text(NOTES_MAX), pipe(number(), finite()), boolean()]))
  ),
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
  call: nullable(CallSchema),
  waiting: nullable(CallSchema),
  parked: nullable(CallSchema),
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
