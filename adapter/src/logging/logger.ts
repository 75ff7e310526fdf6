/**
 * Console logging that never prints phone numbers, names or credentials: agents share console
 * output with support, and a softphone console is full of caller data otherwise.
 */
export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

const SENSITIVE_KEYS =
  /^(number|from|to|display|dial|phone|mobilephone|name|recordname|callername|displayname|password|secret|token|authorization|description|notes|subject|searchparams|searchstring|uri|sipuri)$/i;
const DIGIT_RUN = /\+?\d[\d\s().-]{4,}\d/g;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string')
    return value.replace(DIGIT_RUN, (m) => `${'•'.repeat(Math.max(0, m.length - 2))}${m.slice(-2)}`);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SENSITIVE_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

export function createConsoleLogger(
  prefix = '[switchboard]',
  sink: Pick<Console, 'info' | 'warn' | 'error'> = console
): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, data?: unknown) => {
    const text = `${prefix} ${redact(message) as string}`;
    if (data === undefined) sink[level](text);
    else sink[level](text, redact(data));
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d)
  };
}
