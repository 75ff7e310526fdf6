// Cuts the Metadata API WSDL down to an XSD that validates our source-format *-meta.xml files offline.
//   npx tsx scripts/extract-metadata-xsd.ts <path-to-metadata.wsdl> [out.xsd]
// The WSDL only declares complexTypes (no global elements for file roots) and is 2 MB; we keep the
// types our metadata reaches and add one global element per root so libxml2 can validate a file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT_TYPES = [
  'ApexClass',
  'ApexPage',
  'CallCenter',
  'CorsWhitelistOrigin',
  'CspTrustedSite',
  'CustomApplication',
  'CustomField',
  'CustomLabels',
  'FlexiPage',
  'LightningComponentBundle',
  'LightningMessageChannel',
  'PermissionSet',
  'StaticResource',
  'Translations'
] as const;

const TNS = 'http://soap.sforce.com/2006/04/metadata';

/**
 * LightningComponentBundle describes the wire type, not the `.js-meta.xml` the platform parses itself:
 * in source format `targetConfigs` is nested XML (`<targetConfig targets="…"><property …/></targetConfig>`)
 * rather than base64Binary, and the LWC docs and templates write `<targets>` before `<targetConfigs>`
 * (the reverse of the WSDL sequence). So for this one type we accept its elements in any order
 * (every one of them occurs at most once, which `xsd:all` requires) and any content in targetConfigs.
 */
function sourceFormatLwcBundle(def: TopLevelDefinition, base: TopLevelDefinition): string {
  const elements = (text: string): string[] => text.match(/<xsd:element\b[^>]*\/>/g) ?? [];
  const all = [...elements(base.text), ...elements(def.text)].map((e) => {
    if (/maxOccurs="unbounded"/.test(e))
      throw new Error(`LightningComponentBundle: ${e} repeats; xsd:all cannot hold it`);
    return /name="targetConfigs"/.test(e)
      ? '<xsd:element name="targetConfigs" minOccurs="0" type="tns:SourceFormatTargetConfigs"/>'
      : e;
  });
  if (!all.some((e) => e.includes('name="targetConfigs"')))
    throw new Error('LightningComponentBundle lost targetConfigs');
  return [
    '<xsd:complexType name="LightningComponentBundle">',
    '    <!-- Source format: any element order (see scripts/extract-metadata-xsd.ts). -->',
    '    <xsd:all>',
    ...all.map((e) => `     ${e}`),
    '    </xsd:all>',
    '   </xsd:complexType>'
  ].join('\n');
}

const SOURCE_FORMAT_TYPES = `   <!-- Added for source format: LWC targetConfigs is free-form XML in .js-meta.xml files. -->
   <xsd:complexType name="SourceFormatTargetConfigs">
    <xsd:sequence>
     <xsd:any namespace="##targetNamespace" minOccurs="0" maxOccurs="unbounded" processContents="skip"/>
    </xsd:sequence>
   </xsd:complexType>`;

export interface TopLevelDefinition {
  kind: 'complexType' | 'simpleType';
  name: string;
  text: string;
}

/** Returns the text of the first `<xsd:schema …>…</xsd:schema>` element. */
function schemaElement(wsdl: string): { openTag: string; body: string } {
  const start = wsdl.indexOf('<xsd:schema');
  const end = wsdl.indexOf('</xsd:schema>', start);
  if (start < 0 || end < 0) throw new Error('no <xsd:schema> in the WSDL');
  const openEnd = tagEnd(wsdl, start);
  return { openTag: wsdl.slice(start, openEnd + 1), body: wsdl.slice(openEnd + 1, end) };
}

/** Index of the `>` closing the tag that starts at `from`, skipping `>` inside quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  throw new Error(`unterminated tag at offset ${from}`);
}

/** Splits the schema body into its direct children, tracking depth so nested elements stay inside. */
export function topLevelDefinitions(body: string): TopLevelDefinition[] {
  const defs: TopLevelDefinition[] = [];
  let depth = 0;
  let childStart = -1;
  let i = body.indexOf('<');
  while (i >= 0) {
    if (body.startsWith('<!--', i)) {
      const close = body.indexOf('-->', i);
      if (close < 0) throw new Error('unterminated comment');
      i = body.indexOf('<', close + 3);
      continue;
    }
    const end = tagEnd(body, i);
    const tag = body.slice(i, end + 1);
    if (tag.startsWith('</')) {
      depth--;
      if (depth === 0 && childStart >= 0) {
        pushDefinition(defs, body.slice(childStart, end + 1));
        childStart = -1;
      }
    } else if (!tag.startsWith('<?')) {
      if (depth === 0) childStart = i;
      if (tag.endsWith('/>')) {
        if (depth === 0) {
          pushDefinition(defs, tag);
          childStart = -1;
        }
      } else depth++;
    }
    i = body.indexOf('<', end + 1);
  }
  if (depth !== 0) throw new Error('unbalanced schema body');
  return defs;
}

function pushDefinition(defs: TopLevelDefinition[], text: string): void {
  const m = /^<xsd:(complexType|simpleType)\s+name="([^"]+)"/.exec(text);
  // Global <xsd:element>s are SOAP operation wrappers, never needed for files on disk.
  if (!m) return;
  defs.push({ kind: m[1] as TopLevelDefinition['kind'], name: m[2] ?? '', text });
}

/** Names of tns: types a definition refers to (element types and extension/restriction bases). */
export function referencedTypes(text: string): string[] {
  return [...text.matchAll(/\b(?:type|base)="tns:([A-Za-z0-9_]+)"/g)].map((m) => m[1] ?? '');
}

export function closure(defs: readonly TopLevelDefinition[], roots: readonly string[]): Set<string> {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const keep = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (keep.has(name)) continue;
    const def = byName.get(name);
    if (!def) throw new Error(`type tns:${name} is referenced but not defined in the WSDL`);
    keep.add(name);
    queue.push(...referencedTypes(def.text));
  }
  return keep;
}

export function extractXsd(wsdl: string, licenceName: string): string {
  const { openTag, body } = schemaElement(wsdl);
  const version = /Metadata API version ([0-9.]+)/.exec(wsdl)?.[1] ?? 'unknown';
  const copyright = /Copyright [^\n]*/.exec(wsdl)?.[0] ?? '';
  const defs = topLevelDefinitions(body);
  const keep = closure(defs, ROOT_TYPES);
  const metadataBase = defs.find((d) => d.name === 'Metadata');
  if (!metadataBase) throw new Error('no Metadata base type in the WSDL');

  const kept = defs
    .filter((d) => keep.has(d.name))
    .map(
      (d) => `   ${d.name === 'LightningComponentBundle' ? sourceFormatLwcBundle(d, metadataBase) : d.text}`
    );

  // The WSDL declares xsd:/tns: on <definitions>; a standalone schema must carry them itself.
  const schemaOpen = openTag.replace(
    '<xsd:schema',
    `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${TNS}"`
  );
  const roots = ROOT_TYPES.map((r) => `   <xsd:element name="${r}" type="tns:${r}"/>`);

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!--',
    `Generated by scripts/extract-metadata-xsd.ts from the Salesforce Metadata API WSDL version ${version}`,
    '(forcedotcom/wsdl, resources/metadata.wsdl). Do not edit by hand; re-run the script.',
    `It keeps the ${keep.size} types reachable from ${ROOT_TYPES.join(', ')},`,
    'and adds one global element per root type. LightningComponentBundle is loosened to match .js-meta.xml',
    'source files: elements in any order, free-form targetConfigs (base64Binary in the WSDL).',
    '',
    copyright,
    `The WSDL is distributed under the BSD 3-Clause licence; see ${licenceName} next to this file.`,
    '-->',
    schemaOpen,
    ...kept,
    SOURCE_FORMAT_TYPES,
    '   <!-- Global elements for the root element of each source file. -->',
    ...roots,
    '</xsd:schema>',
    ''
  ].join('\n');
}

function main(argv: readonly string[]): void {
  const wsdlPath = argv[0];
  if (!wsdlPath) {
    console.error('usage: npx tsx scripts/extract-metadata-xsd.ts <path-to-metadata.wsdl> [out.xsd]');
    process.exit(2);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = argv[1] ?? join(root, 'schemas/metadata-66.0.xsd');
  const xsd = extractXsd(readFileSync(wsdlPath, 'utf8'), 'LICENSE-forcedotcom-wsdl.txt');
  writeFileSync(out, xsd);
  console.log(`wrote ${out} (${xsd.length} chars)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
