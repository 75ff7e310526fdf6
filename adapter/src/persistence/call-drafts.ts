import { literal, nullable, object, optional, picklist, safeParse } from 'valibot';
import type { Call, MachineState, Phase } from '../call/types';
import { CallSchema, finiteNumber } from './call-schema';
import { quarantine } from './quarantine';
import type { SafeStorage } from './safe-storage';
import { t } from '../i18n/labels';

/**
 * The call in progress, kept so a reload mid-call or mid-wrap-up loses no notes, result or record
 * choice. Apart from the outbox (its own key): a draft is the machine's working copy, rewritten on every
 * change; an outbox entry is a log owed to Salesforce.
 */

const DRAFT_NAME = 'draft:v2';

/** A call interrupted by a reload: the phase and the call exactly as the machine had them. */
export interface CallDraft {
  schema: 2;
  phase: Exclude<Phase, 'idle'>;
  call: Call;
  /** Call waiting: the second call offered, and the first call parked on hold. */
  waiting: Call | null;
  parked: Call | null;
  savedAt: number;
}

/** The part of the machine state a draft keeps. */
export type DraftSource = Pick<MachineState, 'phase' | 'call' | 'waiting' | 'parked'>;

const DraftSchema = object({
  schema: literal(2),
  phase: picklist(['dialing', 'ringing', 'connected', 'held', 'wrapUp']),
  call: CallSchema,
  waiting: optional(nullable(CallSchema), null),
  parked: optional(nullable(CallSchema), null),
  savedAt: finiteNumber
});

export class CallDrafts {
  constructor(private readonly store: SafeStorage) {}

  /** Call after every state change (cheap: one key). Idle with no call clears it. */
  save(state: DraftSource, now: number): void {
    const { phase, call } = state;
    if (phase === 'idle' || !call) return this.clear();
    const draft: CallDraft = {
      schema: 2,
      phase,
      call,
      waiting: state.waiting ?? null,
      parked: state.parked ?? null,
      savedAt: now
    };
    this.store.set(DRAFT_NAME, JSON.stringify(draft));
  }

  load(now = Date.now()): CallDraft | null {
    const raw = this.store.get(DRAFT_NAME);
    if (raw === null) return null;
    const draft = parseDraft(raw);
    if (!draft) quarantine(this.store, DRAFT_NAME, raw, now, t('Switchboard_Storage_DraftUnreadable'));
    return draft;
  }

  clear(): void {
    this.store.remove(DRAFT_NAME);
  }
}

function parseDraft(raw: string): CallDraft | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = safeParse(DraftSchema, json);
  return result.success ? result.output : null;
}
