import {
  boolean,
  custom,
  integer,
  literal,
  null_,
  minLength,
  maxLength,
  minValue,
  nullable,
  number,
  object,
  picklist,
  pipe,
  record,
  safeParse,
  string,
  union,
  type InferOutput
} from 'valibot';
import { finiteNumber, FIELD_NAME, text } from '../persistence/call-schema';
import { isRecord } from '../shared/is-record';
import type { OutboxEntry } from './outbox';

/**
 * The stored outbox entry, as a schema: stored JSON is untrusted (another version, a browser extension,
 * a torn write). What comes out is rebuilt from the listed fields only.
 */

/** Far beyond any Task; more is not a log we wrote. */
const MAX_FIELDS = 200;
const count = pipe(number(), integer(), minValue(0));
const nullableTime = nullable(finiteNumber);

/**
 * A Task as saveLog takes it: flat, Salesforce field names, primitive values. The key check runs on the
 * parsed JSON itself, because valibot's record skips `__proto__`-like keys silently rather than failing.
 */
const flatRecordOfFields = custom<Record<string, unknown>>(
  (v) =>
    isRecord(v) && Object.keys(v).length <= MAX_FIELDS && Object.keys(v).every((k) => FIELD_NAME.test(k)),
  'a flat record keyed by Salesforce field names'
);
const SaveLogValueSchema = pipe(
  flatRecordOfFields,
  record(string(), union([pipe(string(), maxLength(131_072)), finiteNumber, boolean(), null_()]))
);

const SummarySchema = object({
  id: pipe(string(), minLength(1), maxLength(200)),
  direction: picklist(['inbound', 'outbound']),
  display: text(),
  startedAt: finiteNumber,
  connectedAt: nullableTime,
  endedAt: nullableTime,
  recordId: nullable(text(64))
});

export const OutboxEntrySchema = object({
  schema: literal(2),
  callId: pipe(string(), minLength(1), maxLength(200)),
  value: SaveLogValueSchema,
  revision: count,
  sentRevision: count,
  taskId: nullable(pipe(string(), minLength(1), maxLength(64))),
  status: picklist(['pending', 'saving', 'saved', 'failed']),
  attempts: count,
  error: nullable(text(4_000)),
  nextAttemptAt: nullableTime,
  createdAt: finiteNumber,
  savedAt: nullableTime,
  claimedBy: nullable(text(200)),
  claimedUntil: finiteNumber,
  summary: nullable(SummarySchema)
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shape: Same<InferOutput<typeof OutboxEntrySchema>, OutboxEntry> = true;
void shape;

/** The entry, or null when the text is not JSON or not an entry this version wrote. */
export function parseStoredEntry(raw: string): OutboxEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = safeParse(OutboxEntrySchema, json);
  return result.success ? result.output : null;
}
