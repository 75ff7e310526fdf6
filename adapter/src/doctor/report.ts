import type { LabelName } from '../i18n/labels';
import { redact } from '../logging/logger';
import type { CheckResult, CheckStatus, MessageValues } from './types';

/** Everything a support ticket needs to place the report; ids and numbers are cut before they get here. */
export interface ReportFacts {
  generatedAt: Date;
  /** The static resource's upload version (its /resource/<version>/ URL segment): which build runs. */
  resourceVersion: string | null;
  /** The Open CTI library's API version from its script URL. */
  openCtiVersion: string | null;
  userAgent: string;
  provider: 'demo' | 'sip';
  /** The PBX's origin only: support checks it against the CSP trusted site; paths may carry tokens. */
  pbxOrigin: string | null;
  iceServerCount: number;
  orgId: string | null;
  userId: string | null;
  results: readonly CheckResult[];
}

export type MessageText = (message: LabelName, values?: MessageValues) => string;

const STATUS_WORD: Record<CheckStatus, string> = {
  pass: 'PASS',
  warning: 'WARN',
  fail: 'FAIL',
  skip: 'SKIP'
};

/** A Salesforce id shown by its key prefix and pod digits only (enough to tell org and object apart). */
export function idPrefix(id: string | null): string {
  if (!id) return '(none)';
  return `${id.slice(0, 5)}…`;
}

const SALESFORCE_ID = /\b[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b/g;
const SIP_USER = /\b(sips?:)[^@\s;>]+@/gi;
const ORIGIN = /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/?#@]*@)?([^\s/?#@]+)/gi;
const SECRET_PAIR = /\b(password|secret|token|authorization)\s*[=:]\s*\S+/gi;

/**
 * Scrubs free text (an error a check quoted) for a ticket: SIP user parts, phone-number-like digit
 * runs (the logger's rule), Salesforce ids, and anything written as password=… or token: ….
 */
export function redactText(text: string): string {
  // Origins (the PBX's, a STUN server's) are kept whole, minus any user:password@: support needs the
  // host and port, and an IP address is not a phone number.
  const origins: string[] = [];
  const scrubbed = text
    .replace(SECRET_PAIR, (_m, key: string) => `${key}=[redacted]`)
    .replace(ORIGIN, (_m, scheme: string, host: string) => {
      origins.push(`${scheme}${host}`);
      return `\uE000${origins.length - 1}\uE000`;
    })
    .replace(SIP_USER, (_m, scheme: string) => `${scheme}[user]@`)
    .replace(SALESFORCE_ID, (id) => (/\d/.test(id.slice(0, 3)) ? idPrefix(id) : id));
  return (redact(scrubbed) as string).replace(
    /\uE000(\d+)\uE000/g,
    (_m, i: string) => origins[Number(i)] ?? ''
  );
}

function redactValues(values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  const out: MessageValues = {};
  for (const [key, value] of Object.entries(values))
    out[key] = typeof value === 'string' ? redactText(value) : value;
  return out;
}

/** The plain-text report "Copy report" puts on the clipboard. Never holds a password or a full id. */
export function buildReport(facts: ReportFacts, text: MessageText): string {
  const lines = [
    'Switchboard setup report',
    `Generated: ${facts.generatedAt.toISOString()}`,
    `Switchboard static resource version: ${facts.resourceVersion ?? 'unknown'}`,
    `Open CTI API version: ${facts.openCtiVersion ?? 'unknown'}`,
    `Browser: ${facts.userAgent}`,
    `Org: ${idPrefix(facts.orgId)}  User: ${idPrefix(facts.userId)}`,
    `Line: ${facts.provider}${facts.pbxOrigin ? `  PBX: ${facts.pbxOrigin}` : ''}  ICE servers: ${facts.iceServerCount}`,
    ''
  ];
  for (const result of facts.results) {
    const said = redactText(text(result.message, redactValues(result.values)));
    lines.push(`[${STATUS_WORD[result.status]}] ${result.id} (${result.ms} ms): ${said}`);
  }
  const count = (status: CheckStatus) => facts.results.filter((r) => r.status === status).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('warning')} warnings, ${count('fail')} failed, ${count('skip')} skipped`
  );
  return lines.join('\n');
}

/** `/resource/1732900000000/Softphone_Adapter/softphone.js` → `1732900000000`. */
export function resourceVersionOf(scriptUrl: string): string | null {
  return /\/resource\/(\d+)\//.exec(scriptUrl)?.[1] ?? null;
}

/** `/support/api/66.0/lightning/opencti_min.js` → `66.0`. */
export function openCtiVersionOf(scriptUrls: readonly string[]): string | null {
  for (const url of scriptUrls) {
    const match = /\/support\/api\/(\d+\.\d+)\/lightning\/opencti/.exec(url);
    if (match?.[1]) return match[1];
  }
  return null;
}
