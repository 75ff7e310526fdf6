import {
  array,
  boolean,
  check,
  finite,
  integer,
  literal,
  nullable,
  number,
  object,
  optional,
  picklist,
  pipe,
  regex,
  string,
  maxLength,
  maxValue,
  minValue,
  variant,
  type InferOutput
} from 'valibot';
import type { Call, EndCause, RecordRef, ScreenPop } from '../call/types';
import { isSipCallId } from '../call/sip-call-id';
import { isSalesforceId } from '../opencti/salesforce-id';
import type { CallQuality } from '../quality/call-quality';

/**
 * Valibot schemas for a call as the machine keeps it, for data that comes back from outside the page
 * (a stored draft, another tab's mirror). `object` outputs only the keys it lists, so what comes out is rebuilt field by field:
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

/** Bounded text; `max` follows the field's Salesforce limit or what the UI can show. */
export const text = (max = SHORT) => pipe(string(), maxLength(max));
export const finiteNumber = pipe(number(), finite());
/** An epoch-millisecond time: finite and not before 1970. */
export const time = pipe(number(), finite(), minValue(0));
export const salesforceId = pipe(
  string(),
  check<string, string>((id) => isSalesforceId(id), 'a Salesforce record id')
);

/** Task.Description holds 32,000 characters; notes can never usefully be longer. */
export const NOTES_MAX = 32_000;
export const DISPOSITION_MAX = 255;
/** The call's id is Task.CallObject when no SIP Call-ID is known (demo line, older drafts): 255 either way. */
export const CALL_ID_MAX = 255;

/** A SIP Call-ID as RFC 3261 §25.1 writes it, ≤ 255 (Task.CallObject): stored text is untrusted like the network's. */
export const sipCallId = pipe(
  string(),
  check<string, string>((id) => isSipCallId(id), 'a SIP Call-ID (word [@ word], at most 255 characters)')
);

/** Mirrors the machine's own bounds (click-to-dial and search results clip names to 120). */
export const RecordRefSchema = object({
  id: salesforceId,
  name: nullable(text(255)),
  objectType: nullable(pipe(string(), regex(/^\w{1,80}$/)))
});

const ScreenPopSchema = variant('status', [
  object({ status: literal('none') }),
  object({ status: literal('searching') }),
  object({ status: literal('found'), matches: pipe(array(RecordRefSchema), maxLength(100)) }),
  object({ status: literal('failed'), error: text(1000) })
]);

/** MOS is 1–4.5 by definition (G.107 Annex B): a stored value outside that range was not written by us. */
const mos = pipe(number(), finite(), minValue(1), maxValue(4.5));
const count = pipe(number(), integer(), minValue(0), maxValue(10_000_000));

export const CallQualitySchema = object({
  codec: nullable(pipe(string(), regex(/^[\w.+/ -]{1,40}$/))),
  samples: pipe(count, minValue(1)),
  lastMos: mos,
  averageMos: mos,
  worstMos: mos,
  poorStreak: count
});

/** The one schema of a call from outside this page: a stored draft and a leader's mirror both pass through it. */
export const CallSchema = object({
  id: text(CALL_ID_MAX),
  // Absent in drafts written before CallObject was the SIP Call-ID: the call id stands in, as it did then.
  sipCallId: optional(nullable(sipCallId), null),
  direction: picklist(['inbound', 'outbound']),
  dial: text(64),
  display: text(100),
  callerName: nullable(text(255)),
  startedAt: time,
  connectedAt: nullable(time),
  endedAt: nullable(time),
  endCause: nullable(picklist(END_CAUSE_LIST)),
  muted: boolean(),
  held: boolean(),
  who: nullable(RecordRefSchema),
  what: nullable(RecordRefSchema),
  params: nullable(text(1000)),
  screenPop: ScreenPopSchema,
  // Absent in drafts written before transfers existed: no transfer then.
  transferTo: optional(nullable(text(100)), null),
  disposition: text(DISPOSITION_MAX),
  notes: text(NOTES_MAX),
  // Absent in drafts written before call quality was sampled: nothing measured then.
  quality: optional(nullable(CallQualitySchema), null)
});

/** Salesforce field API names; also keeps `__proto__` and friends out of rebuilt objects. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

// Compile-time: what the schemas output is exactly what the machine keeps.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapes: [
  Same<InferOutput<typeof CallSchema>, Call>,
  Same<InferOutput<typeof RecordRefSchema>, RecordRef>,
  Same<InferOutput<typeof ScreenPopSchema>, ScreenPop>,
  Same<InferOutput<typeof CallQualitySchema>, CallQuality>
] = [true, true, true, true];
void shapes;
