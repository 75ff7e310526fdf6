// The i18n checks behind test/i18n: every label translated into every language with the English
// placeholders kept, and no UI text that reaches the agent without going through a label. Each check takes
// its inputs as arguments so the tests can show it failing on a broken fixture.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { MessageSyntaxError, argumentsOf, parseMessage } from '../../adapter/src/i18n/message-format';
import { readLabelTranslations, type CustomLabel } from './custom-labels';

/** Every file under `dir` whose name ends with `suffix`, sorted (bounded by the tree: no symlinks followed). */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (entry.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** (a) Labels a language lacks or leaves empty, and translations of labels that do not exist. */
export function translationCompleteness(
  labels: readonly CustomLabel[],
  languages: readonly string[],
  translationsDir: string
): string[] {
  const names = new Set(labels.map((l) => l.fullName));
  const problems: string[] = [];
  for (const language of languages) {
    const translated = readLabelTranslations(language, translationsDir);
    for (const name of names)
      if (!translated.get(name)?.trim()) problems.push(`${language}: ${name} is not translated`);
    for (const name of translated.keys())
      if (!names.has(name)) problems.push(`${language}: translates ${name}, which is not a label`);
  }
  return problems;
}

const describeArgs = (args: Map<string, string>): string =>
  [...args]
    .map(([name, kind]) => `${name} (${kind})`)
    .sort()
    .join(', ') || 'none';

/** (b) Translations that do not parse or do not read exactly the English placeholders, each the same way. */
export function translationPlaceholders(
  labels: readonly CustomLabel[],
  languages: readonly string[],
  translationsDir: string
): string[] {
  const problems: string[] = [];
  for (const language of languages) {
    const translated = readLabelTranslations(language, translationsDir);
    for (const label of labels) {
      const text = translated.get(label.fullName);
      if (!text) continue; // missing is the completeness check's finding
      let english: string, theirs: string;
      try {
        english = describeArgs(argumentsOf(parseMessage(label.value)));
      } catch (error) {
        problems.push(`${label.fullName}: the English value does not parse: ${String(error)}`);
        continue;
      }
      try {
        theirs = describeArgs(argumentsOf(parseMessage(text)));
      } catch (error) {
        const why = error instanceof MessageSyntaxError ? error.message : String(error);
        problems.push(`${language}: ${label.fullName} does not parse: ${why}`);
        continue;
      }
      if (theirs !== english)
        problems.push(`${language}: ${label.fullName} reads ${theirs}; English reads ${english}`);
    }
  }
  return problems;
}

/** Attributes whose text a user reads or hears. */
export const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'alternative-text'
]);

/**
 * Literal text that may stay in the markup, each with why no language translates it. Anything without a
 * letter (punctuation, digits, symbols such as "·", "—", "#", "*") is always allowed. Empty today: even
 * "SIP" and the demo line's name are labels, so an admin can rename them.
 */
export const LITERAL_ALLOWLIST: ReadonlyMap<string, string> = new Map<string, string>();

const HAS_WORD = /\p{L}/u;

export function isAllowedLiteral(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return !HAS_WORD.test(trimmed) || LITERAL_ALLOWLIST.has(trimmed);
}

/** The string literals an expression can evaluate to directly (through ?:, &&, ||, ?? and parentheses). */
function literalsOf(node: ts.Expression): ts.StringLiteralLike[] {
  if (ts.isStringLiteralLike(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    )
      return [...literalsOf(node.left), ...literalsOf(node.right)];
  }
  if (ts.isTemplateExpression(node))
    return [node.head, ...node.templateSpans.map((s) => s.literal)].map((part) =>
      ts.factory.createStringLiteral(part.text)
    );
  return [];
}

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** (c) JSX text and user-facing attribute strings in a .tsx file that do not come from a label. */
export function jsxLiterals(file: string, source: string = readFileSync(file, 'utf8')): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (isAllowedLiteral(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text: text.replace(/\s+/g, ' ').trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      for (const literal of literalsOf(node.expression)) report(node, literal.text);
    else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      else if (init && ts.isJsxExpression(init) && init.expression)
        for (const literal of literalsOf(init.expression)) report(init, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** (c) Literal text and user-facing attribute values in an LWC template (expressions `{…}` are fine). */
export function lwcTemplateLiterals(file: string, source: string = readFileSync(file, 'utf8')): Finding[] {
  const found: Finding[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const noComments = source.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const tag = /<[^>]*>/g;
  let last = 0;
  for (const match of noComments.matchAll(tag)) {
    const between = noComments.slice(last, match.index).replace(/\{[^}]*\}/g, '');
    if (!isAllowedLiteral(between)) found.push({ file, line: lineAt(last), text: between.trim() });
    const attribute = /([\w:-]+)\s*=\s*"([^"]*)"/g;
    for (const [, name = '', value = ''] of match[0].matchAll(attribute))
      if (USER_FACING_ATTRIBUTES.has(name) && !isAllowedLiteral(value))
        found.push({ file, line: lineAt(match.index), text: `${name}="${value}"` });
    last = match.index + match[0].length;
  }
  return found;
}

/** (d) Label names t('…') reads in the adapter's sources that are not labels. */
export function unknownLabelCalls(
  files: readonly string[],
  labelNames: ReadonlySet<string>,
  root: string
): Finding[] {
  const found: Finding[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.TSX
    );
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 't' &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0]) &&
        !labelNames.has(node.arguments[0].text)
      ) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ file: relative(root, file), line, text: node.arguments[0].text });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** (d) `@salesforce/label/c.X` imports in LWC JavaScript whose label does not exist. */
export function unknownLabelImports(
  files: readonly string[],
  labelNames: ReadonlySet<string>,
  root: string
): Finding[] {
  const found: Finding[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/['"]@salesforce\/label\/c\.([^'"]+)['"]/g)) {
      const name = match[1] ?? '';
      if (!labelNames.has(name))
        found.push({
          file: relative(root, file),
          line: source.slice(0, match.index).split('\n').length,
          text: name
        });
    }
  }
  return found;
}

export const formatFindings = (findings: readonly Finding[]): string =>
  findings.map((f) => `  ${f.file}:${f.line}: ${JSON.stringify(f.text)}`).join('\n');
