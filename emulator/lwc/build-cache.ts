/**
 * A disk cache for the compiled LWC runtime, so each emulator start (every e2e file starts one) does not
 * recompile an unchanged component: about 2–6 s of CPU each on the CI machine. An entry is used only when
 * every file that went into the build, the build script included, still has the content it had; the
 * import graph follows from those contents, so nothing else can change the output.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LwcRuntime } from './build';

interface CacheEntry {
  /** file → sha256 of its content */
  inputs: Record<string, string>;
  runtime: LwcRuntime;
}

function hashOf(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Real files only: rollup lists some modules under an id with a query (`file.js?specifier=…`). */
function inputFiles(runtime: LwcRuntime, extra: string[]): string[] {
  return [...new Set([...runtime.files.map((id) => id.split('?')[0] ?? id), ...extra])].filter(
    (f) => !f.startsWith('\0')
  );
}

export function readCachedRuntime(cacheFile: string): LwcRuntime | null {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheEntry;
  } catch {
    return null;
  }
  if (typeof entry?.runtime?.code !== 'string' || typeof entry.inputs !== 'object' || entry.inputs === null)
    return null;
  for (const [file, hash] of Object.entries(entry.inputs)) if (hashOf(file) !== hash) return null;
  return entry.runtime;
}

/** Writes atomically (parallel emulator starts may write at once); a file that cannot be read means no entry. */
export function writeCachedRuntime(cacheFile: string, runtime: LwcRuntime, extraInputs: string[]): void {
  const inputs: Record<string, string> = {};
  for (const file of inputFiles(runtime, extraInputs)) {
    const hash = hashOf(file);
    if (hash === null) return;
    inputs[file] = hash;
  }
  mkdirSync(dirname(cacheFile), { recursive: true });
  const partial = `${cacheFile}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify({ inputs, runtime } satisfies CacheEntry));
  renameSync(partial, cacheFile);
}
