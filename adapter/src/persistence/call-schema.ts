import { array, boolean, finite, literal, nullable, number, object, optional, picklist, pipe, string, minLength, maxLength, variant, type InferOutput } from 'valibot';
import type { Call, RecordRef, ScreenPop } from '../call/types';
import type { EndCause } from '../telephony/provider';

/**
 * Valibot schemas for a call as the machine keeps it, for data that comes back from outside the page
 * (a stored draft). `object` outputs only the keys it lists, so what comes out is rebuilt field by field:
 * no stray keys, no prototype tricks ride along.
 */

/** A Record, not a list, so adding an EndCause fails to compile here until it is added. */
const END_CAUSES: Record<EndCause, true> = {
  'local-hangup': true,
  'remote-hangup': true,
  busy: true,
  'no-answer': true,
  rejected: true,
  canceled: true,
  'not-found': true,
  unavailable: true,
  'auth-failed': true,
  'bad-media': true,
  'connection-lost': true,
  'invalid-number': true,
  error: true
};
const END_CAUSE_LIST = Object.keys(END_CAUSES) as EndCause[];

/** Bounds that no real value comes near; they keep a hostile or torn value from being huge. */
const SHORT = 1_000;
const LONG = 32_000;

export const boundedString = (max = SHORT) => pipe(string(), maxLength(max));
const nonEmpty = (max = SHORT) => pipe(string(), minLength(1), maxLength(max));
export const finiteNumber = pipe(number(), finite());
const timestamp = nullable(finiteNumber);

export const RecordRefSchema = object({
  id: nonEmpty(64),
  name: nullable(boundedString()),
  objectType: nullable(boundedString(80))
});

const ScreenPopSchema = variant('status', [
  object({ status: literal('none') }),
  object({ status: literal('searching') }),
  object({ status: literal('failed'), error: boundedString() }),
  object({ status: literal('found'), matches: pipe(array(RecordRefSchema), maxLength(200)) })
]);

export const CallSchema = object({
  id: nonEmpty(200),
  direction: picklist(['inbound', 'outbound']),
  dial: boundedString(),
  display: boundedString(),
  callerName: nullable(boundedString()),
  startedAt: finiteNumber,
  connectedAt: timestamp,
  endedAt: timestamp,
  endCause: nullable(picklist(END_CAUSE_LIST)),
  muted: boolean(),
  held: boolean(),
  who: nullable(RecordRefSchema),
  what: nullable(RecordRefSchema),
  params: nullable(boundedString(LONG)),
  screenPop: ScreenPopSchema,
  // Absent in drafts written before transfers existed: no transfer then.
  transferTo: optional(nullable(boundedString()), null),
  disposition: boundedString(),
  notes: boundedString(LONG)
});

/** Salesforce field API names; also keeps `__proto__` and friends out of rebuilt objects. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

// Compile-time: what the schemas output is exactly what the machine keeps.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapes: [Same<InferOutput<typeof CallSchema>, Call>, Same<InferOutput<typeof RecordRefSchema>, RecordRef>, Same<InferOutput<typeof ScreenPopSchema>, ScreenPop>] = [true, true, true];
void shapes;
