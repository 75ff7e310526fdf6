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
  'FlexiPage',
  'LightningComponentBundle',
  'LightningMessageChannel',
  'PermissionSet',
  'StaticResource'
] as const;

const TNS = 'http://soap.sforce.com/2006/04/metadata';

/**
 * Source-format quirks where the file on disk is not what the SOAP type says.
 * LightningComponentBundle.targetConfigs is base64Binary on the wire, but in a `.js-meta.xml` it is
 * nested XML (`<targetConfig targets="…"><property …/></targetConfig>`) that the platform parses
 * itself, so we accept any content there instead of rejecting every LWC with target configs.
 */
const SOURCE_FORMAT_OVERRIDES: ReadonlyArray<{ type: string; from: string; to: string }> = [
  {
    type: 'LightningComponentBundle',
    from: '<xsd:element name="targetConfigs" minOccurs="0" type="xsd:base64Binary"/>',
    to: '<xsd:element name="targetConfigs" minOccurs="0" type="tns:SourceFormatTargetConfigs"/>'
  }
];

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

  const kept = defs
    .filter((d) => keep.has(d.name))
    .map((d) => {
      let text = d.text;
      for (const o of SOURCE_FORMAT_OVERRIDES) {
        if (o.type !== d.name) continue;
        if (!text.includes(o.from)) throw new Error(`override for ${o.type} no longer matches the WSDL`);
        text = text.replace(o.from, o.to);
      }
      return `   ${text}`;
    });

  // The WSDL declares xsd:/tns: on <definitions>; a standalone schema must carry them itself.
  const schemaOpen = openTag.replace('<xsd:schema', `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${TNS}"`);
  const roots = ROOT_TYPES.map((r) => `   <xsd:element name="${r}" type="tns:${r}"/>`);

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!--',
    `Generated by scripts/extract-metadata-xsd.ts from the Salesforce Metadata API WSDL version ${version}`,
    '(forcedotcom/wsdl, resources/metadata.wsdl). Do not edit by hand; re-run the script.',
    `It keeps the ${keep.size} types reachable from ${ROOT_TYPES.join(', ')},`,
    'adds one global element per root type, and accepts free-form LightningComponentBundle targetConfigs',
    '(nested XML in source format, base64Binary in the WSDL).',
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
