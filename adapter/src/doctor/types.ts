/**
 * The setup doctor's vocabulary. A check is a small async function over injected browser and host
 * APIs; it answers with a status and a message (a Custom Label name with its values), never throws
 * at the runner, and names the admin guide section that explains its fix.
 */
import type { LabelName } from '../i18n/labels';

/** `skip`: does not apply here (e.g. no PBX on the demo line) or cannot be told in this browser. */
export type CheckStatus = 'pass' | 'warning' | 'fail' | 'skip';

export type CheckId =
  | 'open-cti'
  | 'settings'
  | 'round-trip'
  | 'apex'
  | 'task-access'
  | 'microphone-permission'
  | 'microphone-device'
  | 'permissions-policy'
  | 'pbx-websocket'
  | 'sip-registration'
  | 'stun-turn'
  | 'sound'
  | 'browser';

/** Values a message interpolates: kept to strings and numbers so the report can redact them. */
export type MessageValues = Record<string, string | number>;

export interface Finding {
  status: CheckStatus;
  /** A Custom Label name (force-app/main/default/labels): what was found and, unless it passed, the fix. */
  message: LabelName;
  values?: MessageValues;
}

export interface Check {
  id: CheckId;
  /** The heading anchor in docs/admin-guide.md that explains this check and its fix. */
  anchor: string;
  run(): Promise<Finding>;
}

export interface CheckResult extends Finding {
  id: CheckId;
  anchor: string;
  /** How long the check took, rounded to whole milliseconds. */
  ms: number;
}

export function finding(status: CheckStatus, message: LabelName, values?: MessageValues): Finding {
  return values ? { status, message, values } : { status, message };
}

/** The text of a thrown value, for a message; never the stack (it is noise in a support ticket). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** What the view shows and may do; the controller (doctor/setup-doctor.ts) keeps it current. */
export interface DoctorView {
  status: 'idle' | 'running' | 'done';
  /** The checks of the current run in their order; `null` until that check has answered. */
  rows: { id: CheckId; anchor: string; result: CheckResult | null }[];
  /** `manual`: the clipboard refused; the view shows the report selected for the agent to copy. */
  copy: 'none' | 'copied' | 'manual';
  report: string | null;
  /**
   * Where the admin guide is published; a row links `${guideUrl}#${anchor}`. Null: the row names the
   * section (docs/admin-guide.md#anchor) as text, since a link into the repository means nothing inside an org.
   */
  guideUrl: string | null;
  /** Whether the start-up sound probe has run (it waits for the page to be idle: it costs ~200 ms once). */
  soundProbe: 'pending' | 'done';
  run(): void;
  copyReport(): void;
  /** Hides the results (a run in flight still finishes, unseen). */
  close(): void;
}
