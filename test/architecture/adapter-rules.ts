import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The adapter's layering (issue 14): the machine owns its vocabulary, the UI never reaches a provider
 * or the host, providers never reach the host, the UI or the app, and the host port stands alone.
 * Keyed by the top folder under adapter/src; a folder not listed may import anything.
 */
export const FORBIDDEN_IMPORTS: Record<string, readonly string[]> = {
  call: ['telephony', 'opencti', 'ui', 'app', 'doctor'],
  ui: ['telephony', 'opencti'],
  telephony: ['opencti', 'ui', 'app', 'doctor'],
  opencti: ['call', 'ui', 'app', 'telephony', 'doctor'],
  // Words and formats only: anything may ask i18n for a label, i18n asks nobody.
  i18n: ['call', 'ui', 'app', 'telephony', 'opencti']
};

/** Line budget per file: one cohesive transition table may be longer, nothing else. */
export const MAX_LINES = 350;
export const MAX_LINES_EXCEPT: Record<string, number> = { 'call/machine.ts': 500 };

export const ADAPTER_SRC = path.resolve(import.meta.dirname, '../../adapter/src');

export interface SourceFile {
  /** Relative to adapter/src, with forward slashes. */
  file: string;
  text: string;
}

export function adapterSources(root = ADAPTER_SRC): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name))
        out.push({
          file: path.relative(root, full).split(path.sep).join('/'),
          text: readFileSync(full, 'utf8')
        });
    }
  };
  walk(root);
  return out;
}

/** Every module a file names: imports (type-only too), re-exports and dynamic imports. */
export function importsOf(source: SourceFile): string[] {
  return ts.preProcessFile(source.text, true, true).importedFiles.map((f) => f.fileName);
}

/** One line per import that breaks FORBIDDEN_IMPORTS, naming the file, what it imports and the rule. */
export function importViolations(sources: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const source of sources) {
    const layer = source.file.split('/')[0] ?? '';
    const banned = FORBIDDEN_IMPORTS[layer];
    if (!banned || !source.file.includes('/')) continue;
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue; // packages (preact, valibot, jssip) are not layers
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(source.file), spec));
      const targetLayer = target.split('/')[0] ?? '';
      if (banned.includes(targetLayer))
        problems.push(`${source.file} imports '${spec}': ${layer}/ must not import from ${targetLayer}/`);
    }
  }
  return problems;
}

export function sizeViolations(sources: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const source of sources) {
    const lines = source.text.split('\n').length - (source.text.endsWith('\n') ? 1 : 0);
    const limit = MAX_LINES_EXCEPT[source.file] ?? MAX_LINES;
    if (lines > limit) problems.push(`${source.file} has ${lines} lines (limit ${limit})`);
  }
  return problems;
}
