// The emulator's pseudo-locale (`?lang=en_XA`, after Android's and Salesforce's pseudo-accent locales): every
// label's English text accented, about 40 % longer and marked ⟦…⟧ at its ends, its placeholders and ICU
// syntax untouched. A page in en_XA shows text that bypasses the labels (no accents, no brackets) and
// controls too narrow for the longer languages (German, Finnish, Russian run 30–40 % longer than English).
// Emulator-only: never a translation file.
import { parseMessage, type MessagePart } from '../../adapter/src/i18n/message-format';

/** Salesforce-style key (as `?lang=`); `en-XA` is the pseudo-locale tag CLDR reserves for accents. */
export const PSEUDO_LANGUAGE = 'en_XA';
export const PSEUDO_START = '⟦';
export const PSEUDO_END = '⟧';

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'ë',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'ï',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'Ë',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Ï',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž'
};

/** Accented filler words that make up the extra length; words, so the text wraps as a real one would. */
const FILLER = 'ļöŕéɱ ïþšûɱ ðöļöŕ šïţ áɱéţ çöñšéçţéţûŕ áðïþïšçïñĝ éļïţ šéð ðö éïûšɱöð ţéɱþöŕ';

/** How much longer than English the pseudo text is. */
export const PSEUDO_GROWTH = 0.4;

const accent = (text: string): string => [...text].map((ch) => ACCENTED[ch] ?? ch).join('');

/** Text as ICU message syntax: apostrophes doubled, braces quoted, and `#` quoted inside a plural. */
function quote(text: string, inPlural: boolean): string {
  return text.replace(/'/g, "''").replace(inPlural ? /[{}#]/g : /[{}]/g, (ch) => `'${ch}'`);
}

function serialize(
  parts: readonly MessagePart[],
  inPlural: boolean,
  transform: (t: string) => string
): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return quote(transform(part.text), inPlural);
      if (part.kind === 'pound') return '#';
      if (part.kind === 'argument')
        return part.format === 'number' ? `{${part.name}, number}` : `{${part.name}}`;
      const cases = Object.entries(part.cases)
        .map(([key, sub]) => `${key} {${serialize(sub, part.kind === 'plural', transform)}}`)
        .join(' ');
      return `{${part.name}, ${part.kind}, ${cases}}`;
    })
    .join('');
}

/** The visible text of the longest way through the message (what the padding is measured against). */
function textLength(parts: readonly MessagePart[]): number {
  let total = 0;
  for (const part of parts) {
    if (part.kind === 'text') total += [...part.text].length;
    else if (part.kind === 'plural' || part.kind === 'select')
      total += Math.max(0, ...Object.values(part.cases).map(textLength));
  }
  return total;
}

function filler(length: number): string {
  if (length <= 0) return '';
  const words = FILLER.repeat(Math.ceil((length + 1) / FILLER.length) + 1);
  return ` ${[...words]
    .slice(0, length - 1)
    .join('')
    .trimEnd()}`;
}

/** One label's pseudo-localised message. A message that does not parse throws, as it would fail the build. */
export function pseudoLocalize(message: string): string {
  const parts = parseMessage(message);
  const extra = Math.round(textLength(parts) * PSEUDO_GROWTH);
  return `${PSEUDO_START}${serialize(parts, false, accent)}${quote(filler(extra), false)}${PSEUDO_END}`;
}

/** Every label's pseudo-localised value (the emulator's `$Label` for a user in en_XA). */
export function pseudoLabels(values: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...values].map(([name, value]) => [name, pseudoLocalize(value)]));
}
