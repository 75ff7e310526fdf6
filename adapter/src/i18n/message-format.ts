/**
 * The ICU MessageFormat subset our Custom Labels use: `{name}`, `{n, number}`,
 * `{n, plural, =0 {…} one {# call} other {# calls}}` and `{x, select, a {…} other {…}}`, with ICU's
 * apostrophe quoting (`'{'` is a literal brace, `''` an apostrophe, any other apostrophe is itself, so
 * French "l'appel" needs no escaping).
 *
 * Written here rather than taken from intl-messageformat because the same code is generated into the
 * record-page LWC, where npm packages cannot go, and because the adapter's download budget is tight.
 * Plural categories and numbers come from the browser's Intl, so every language's rules are CLDR's.
 */

export type MessageValue = string | number;
export type MessageValues = Readonly<Record<string, MessageValue>>;

export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pound' }
  | { readonly kind: 'argument'; readonly name: string; readonly format: 'none' | 'number' }
  | {
      readonly kind: 'plural' | 'select';
      readonly name: string;
      readonly cases: Readonly<Record<string, readonly MessagePart[]>>;
    };

export class MessageSyntaxError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 4;

/** Parses a message; throws MessageSyntaxError with the position of the first problem. */
export function parseMessage(source: string): readonly MessagePart[] {
  const parser = new Parser(source);
  const parts = parser.message(0, false);
  if (parser.pos < source.length) parser.fail('unmatched "}"');
  return parts;
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  fail(why: string): never {
    throw new MessageSyntaxError(`${why} at character ${this.pos + 1} of ${JSON.stringify(this.src)}`);
  }

  /** Text and arguments up to an unquoted `}` (left for the caller) or the end. */
  message(depth: number, inPlural: boolean): MessagePart[] {
    const parts: MessagePart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] as string;
      if (ch === '}') break;
      if (ch === "'") {
        text += this.quoted(inPlural);
        continue;
      }
      if (ch === '#' && inPlural) {
        flush();
        parts.push({ kind: 'pound' });
        this.pos++;
        continue;
      }
      if (ch === '{') {
        flush();
        parts.push(this.argument(depth));
        continue;
      }
      text += ch;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** ICU quoting: `''` is one apostrophe; `'` before a syntax character quotes up to the next `'`. */
  private quoted(inPlural: boolean): string {
    const next = this.src[this.pos + 1];
    if (next === "'") {
      this.pos += 2;
      return "'";
    }
    if (next === '{' || next === '}' || (inPlural && next === '#')) {
      const end = this.src.indexOf("'", this.pos + 1);
      const stop = end === -1 ? this.src.length : end;
      const literal = this.src.slice(this.pos + 1, stop);
      this.pos = end === -1 ? stop : stop + 1;
      return literal;
    }
    this.pos++;
    return "'";
  }

  private argument(depth: number): MessagePart {
    if (depth >= MAX_DEPTH) this.fail('messages nest too deeply');
    this.pos++; // {
    const name = this.word();
    if (!NAME.test(name)) this.fail(`bad argument name ${JSON.stringify(name)}`);
    if (this.eat('}')) return { kind: 'argument', name, format: 'none' };
    if (!this.eat(',')) this.fail('expected "," or "}"');
    const type = this.word();
    if (type === 'number') {
      if (!this.eat('}')) this.fail('expected "}" after number');
      return { kind: 'argument', name, format: 'number' };
    }
    if (type !== 'plural' && type !== 'select') this.fail(`unknown argument type ${JSON.stringify(type)}`);
    if (!this.eat(',')) this.fail('expected "," before the cases');
    const cases: Record<string, MessagePart[]> = {};
    for (;;) {
      this.skipSpace();
      if (this.eat('}')) break;
      const key = this.word();
      if (!key) this.fail('expected a case name');
      if (!this.eat('{')) this.fail(`expected "{" after ${key}`);
      if (key in cases) this.fail(`case ${key} given twice`);
      cases[key] = this.message(depth + 1, type === 'plural');
      if (!this.eat('}')) this.fail(`case ${key} is not closed`);
    }
    if (!('other' in cases)) this.fail(`${type} ${name} has no "other" case`);
    return { kind: type, name, cases };
  }

  private word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.src.length && /[^\s{},]/.test(this.src[this.pos] as string)) this.pos++;
    const word = this.src.slice(start, this.pos);
    this.skipSpace();
    return word;
  }

  private eat(ch: string): boolean {
    this.skipSpace();
    if (this.src[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos++;
  }
}

/** Every argument a message reads, with how it reads it (for checking translations keep them). */
export function argumentsOf(parts: readonly MessagePart[]): Map<string, 'text' | 'number' | 'select'> {
  const found = new Map<string, 'text' | 'number' | 'select'>();
  const walk = (list: readonly MessagePart[]) => {
    for (const part of list) {
      if (part.kind === 'argument') found.set(part.name, part.format === 'number' ? 'number' : 'text');
      else if (part.kind === 'plural' || part.kind === 'select') {
        found.set(part.name, part.kind === 'plural' ? 'number' : 'select');
        Object.values(part.cases).forEach(walk);
      }
    }
  };
  walk(parts);
  return found;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let value = map.get(locale);
  if (!value) {
    value = make();
    map.set(locale, value);
  }
  return value;
}

/** Formats parsed parts. A missing value shows as `{name}` rather than throwing: a label never blanks the panel. */
export function formatParts(parts: readonly MessagePart[], values: MessageValues, locale: string): string {
  const numbers = cached(numberFormats, locale, () => new Intl.NumberFormat(locale));
  const plurals = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  const render = (list: readonly MessagePart[], pound: number | null): string => {
    let out = '';
    for (const part of list) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'pound') out += pound === null ? '#' : numbers.format(pound);
      else {
        const value = values[part.name];
        if (value === undefined) out += `{${part.name}}`;
        else if (part.kind === 'argument')
          out +=
            part.format === 'number' && typeof value === 'number' ? numbers.format(value) : String(value);
        else if (part.kind === 'select')
          out += render(part.cases[String(value)] ?? part.cases.other ?? [], pound);
        else {
          const n = Number(value);
          const exact = part.cases[`=${n}`];
          const chosen = exact ?? part.cases[plurals.select(n)] ?? part.cases.other ?? [];
          out += render(chosen, n);
        }
      }
    }
    return out;
  };
  return render(parts, null);
}

const parsedCache = new Map<string, readonly MessagePart[] | MessageSyntaxError>();

/**
 * Formats a message, parsing it once. A message that does not parse (an admin's override with a stray
 * brace) is shown as written, so the agent still reads something, and reported through `onSyntaxError`.
 */
export function formatMessage(
  source: string,
  values: MessageValues,
  locale: string,
  onSyntaxError?: (error: MessageSyntaxError) => void
): string {
  let parsed = parsedCache.get(source);
  if (!parsed) {
    try {
      parsed = parseMessage(source);
    } catch (error) {
      parsed = error instanceof MessageSyntaxError ? error : new MessageSyntaxError(String(error));
    }
    if (parsedCache.size > 2000) parsedCache.clear();
    parsedCache.set(source, parsed);
  }
  if (parsed instanceof MessageSyntaxError) {
    onSyntaxError?.(parsed);
    return source;
  }
  return formatParts(parsed, values, locale);
}
