// Offline checks for an SFDX package directory. `sf project convert source` accepts malformed XML,
// wrong root elements and a .page without its -meta.xml (see shared tooling notes), so these checks
// are the gate: SDR resolves every file to a component, and every -meta.xml matches the Metadata XSD.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sdr from '@salesforce/source-deploy-retrieve';
import type { ComponentSet, SourceComponent } from '@salesforce/source-deploy-retrieve';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export type IssueKind = 'resolve' | 'malformed' | 'root' | 'missing-meta' | 'stray' | 'xsd';

export interface MetadataIssue {
  kind: IssueKind;
  /** Path relative to the checked directory's parent project, or the directory itself. */
  file: string;
  message: string;
}

export interface ComponentSummary {
  type: string;
  fullName: string;
  files: string[];
}

export interface SourceTreeReport {
  components: ComponentSummary[];
  issues: MetadataIssue[];
  /** package.xml as SDR writes it, or null when the tree could not be resolved. */
  packageXml: string | null;
  packageTypes: string[];
}

/** SDR logs to ~/.sf and phones home unless told not to; it reads these when it loads. */
function quietSalesforceTooling(): void {
  process.env.SF_DISABLE_LOG_FILE ??= 'true';
  process.env.SF_DISABLE_TELEMETRY ??= 'true';
}

async function loadSdr(): Promise<typeof Sdr> {
  quietSalesforceTooling();
  return import('@salesforce/source-deploy-retrieve');
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export function metaXmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('-meta.xml'));
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', ignoreDeclaration: true });

/** Checks well-formedness, then returns the root element name and its default namespace. */
export function inspectXml(
  text: string
): { ok: true; root: string; namespace: string | undefined } | { ok: false; message: string } {
  const v = XMLValidator.validate(text);
  if (v !== true) return { ok: false, message: `not well-formed: ${v.err.msg} (line ${v.err.line})` };
  const doc = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = roots[0];
  if (roots.length !== 1 || root === undefined)
    return { ok: false, message: `expected one root element, found ${roots.length}` };
  const node = doc[root];
  const ns =
    typeof node === 'object' && node !== null ? (node as Record<string, unknown>)['@_xmlns'] : undefined;
  return { ok: true, root, namespace: typeof ns === 'string' ? ns : undefined };
}

/** Type names listed in a package.xml, in file order. */
export function packageXmlTypes(packageXml: string): string[] {
  const doc = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' }).parse(
    packageXml
  ) as {
    Package?: { types?: Array<{ name?: string }> };
  };
  return (doc.Package?.types ?? []).map((t) => t.name ?? '');
}

function componentFiles(c: SourceComponent): string[] {
  const files = c.xml ? [c.xml] : [];
  if (c.content) files.push(...c.walkContent());
  return files;
}

function checkComponent(c: SourceComponent, rel: (p: string) => string): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  const where = c.xml ?? c.content ?? c.fullName;
  if (!c.xml) {
    issues.push({
      kind: 'missing-meta',
      file: rel(where),
      message: `${c.type.name} ${c.fullName} has no -meta.xml`
    });
    return issues;
  }
  const x = inspectXml(readFileSync(c.xml, 'utf8'));
  if (!x.ok) issues.push({ kind: 'malformed', file: rel(c.xml), message: x.message });
  else if (x.root !== c.type.name) {
    issues.push({ kind: 'root', file: rel(c.xml), message: `root <${x.root}>, expected <${c.type.name}>` });
  } else if (x.namespace !== METADATA_NAMESPACE) {
    issues.push({
      kind: 'root',
      file: rel(c.xml),
      message: `root xmlns "${x.namespace ?? ''}", expected "${METADATA_NAMESPACE}"`
    });
  }
  // Visualforce markup is XML too; a broken .page only fails at deploy time otherwise.
  if (c.type.name === 'ApexPage' && c.content) {
    const page = XMLValidator.validate(readFileSync(c.content, 'utf8'));
    if (page !== true) {
      issues.push({
        kind: 'malformed',
        file: rel(c.content),
        message: `not well-formed: ${page.err.msg} (line ${page.err.line})`
      });
    }
  }
  return issues;
}

/**
 * Resolves `packageDir` with SDR and reports components, package.xml types and everything wrong:
 * unresolvable files, malformed XML, wrong roots, components without -meta.xml, and files that belong
 * to no component (ignoring what .forceignore denies).
 */
export async function checkSourceTree(packageDir: string, apiVersion = '66.0'): Promise<SourceTreeReport> {
  const { ComponentSet, ForceIgnore } = await loadSdr();
  const dir = resolve(packageDir);
  const rel = (p: string): string => relative(resolve(dir, '..'), p);
  const issues: MetadataIssue[] = [];

  let cs: ComponentSet;
  try {
    cs = ComponentSet.fromSource(dir);
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      components: [],
      issues: [{ kind: 'resolve', file: rel(dir), message }],
      packageXml: null,
      packageTypes: []
    };
  }

  const components = cs.getSourceComponents().toArray();
  const owned = new Set<string>();
  for (const c of components) {
    for (const f of componentFiles(c)) owned.add(resolve(f));
    issues.push(...checkComponent(c, rel));
  }

  const ignore = ForceIgnore.findAndCreate(dir);
  for (const f of listFiles(dir)) {
    if (owned.has(f) || ignore.denies(f)) continue;
    issues.push({
      kind: 'stray',
      file: rel(f),
      message: 'belongs to no metadata component (missing or misnamed -meta.xml?)'
    });
  }

  // Pinned so the result does not depend on the cwd's sfdx-project.json or an org.
  cs.sourceApiVersion = apiVersion;
  const packageXml = await cs.getPackageXml();
  return {
    components: components
      .map((c) => ({ type: c.type.name, fullName: c.fullName, files: componentFiles(c).map(rel).sort() }))
      .sort((a, b) => `${a.type}:${a.fullName}`.localeCompare(`${b.type}:${b.fullName}`)),
    issues,
    packageXml,
    packageTypes: packageXmlTypes(packageXml)
  };
}

/**
 * Validates each file against the XSD (root element → global element of the same name).
 * One xmllint run for all files, so the 50 kB schema compiles once.
 */
export async function validateAgainstXsd(
  files: readonly string[],
  xsdPath: string,
  relativeTo = process.cwd()
): Promise<MetadataIssue[]> {
  if (files.length === 0) return [];
  const { validateXML } = await import('xmllint-wasm');
  // Neutral in-memory names: xmllint-wasm writes inputs to its virtual FS and rejects odd paths.
  const names = files.map((_, i) => `input-${i}.xml`);
  const result = await validateXML({
    xml: files.map((f, i) => ({ fileName: names[i] ?? '', contents: readFileSync(f, 'utf8') })),
    schema: [{ fileName: 'metadata.xsd', contents: readFileSync(xsdPath, 'utf8') }]
  });
  if (result.valid) return [];
  const issues: MetadataIssue[] = [];
  for (const err of result.errors) {
    const i = err.loc ? names.indexOf(err.loc.fileName) : -1;
    const file = files[i];
    if (file === undefined) continue;
    issues.push({ kind: 'xsd', file: relative(relativeTo, file), message: err.message.trim() });
  }
  if (issues.length === 0)
    issues.push({ kind: 'xsd', file: '(schema run)', message: result.rawOutput.trim() });
  return issues;
}

export function formatIssues(issues: readonly MetadataIssue[]): string {
  return issues.map((i) => `  [${i.kind}] ${i.file}: ${i.message}`).join('\n');
}
