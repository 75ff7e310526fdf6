// The platform's text and size limits for every metadata type and field Switchboard ships. A value over
// its limit fails the deploy ("data value too large … (max length=255)") and, deploys being all-or-none,
// rolls everything back; `sf project convert source` and the XSD accept it, so this table is the gate.
// Each row carries its source. "(inference)" marks a bound we could not find documented: it is the
// smallest limit documented for the same kind of field on a sibling type, so it can only be too strict.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles } from './metadata-check';

/** Where a checked value comes from: an element path under the root, or the component's own name. */
export type LimitTarget =
  { element: string } | { fullName: true } | { fileBytes: true } | { customSettingsJson: true };

export interface LimitRow {
  type: string;
  /** What an admin would call it, e.g. "description" or "sections › items › value". */
  field: string;
  target: LimitTarget;
  max: number;
  unit: 'characters' | 'bytes';
  source: string;
}

const OBJ_REF = 'Object Reference for the Salesforce Platform';
const FIELD_REF = 'Salesforce Field Reference';
const CTI_DEF_FILE =
  'Open CTI Developer Guide, "Call Center Definition File Format" / "Required Call Center Elements and Attributes"';

export const LIMITS: readonly LimitRow[] = [
  // ApexClass: Object Reference, ApexClass.Name "Limit: 255 characters".
  {
    type: 'ApexClass',
    field: 'class name',
    target: { fullName: true },
    max: 255,
    unit: 'characters',
    source: `${OBJ_REF}, ApexClass.Name`
  },
  // ApexPage: Field Reference, ApexPage (Description textarea 4000, MasterLabel 80); page name 40 per
  // Salesforce Help "Visualforce Component Limits" ("Page names can't be longer than 40 characters").
  {
    type: 'ApexPage',
    field: 'description',
    target: { element: 'description' },
    max: 4000,
    unit: 'characters',
    source: `${FIELD_REF}, ApexPage.Description`
  },
  {
    type: 'ApexPage',
    field: 'label',
    target: { element: 'label' },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, ApexPage.MasterLabel`
  },
  {
    type: 'ApexPage',
    field: 'page name',
    target: { fullName: true },
    max: 40,
    unit: 'characters',
    source: 'Salesforce Help, "Visualforce Component Limits"'
  },
  // CallCenter: Field Reference, CallCenter (AdapterUrl 2000, CustomSettings 3000); Object Reference,
  // CallCenter.Name "Limit is 80 characters"; definition-file rules for names, labels and reqDisplayName.
  {
    type: 'CallCenter',
    field: 'internal name (file name)',
    target: { fullName: true },
    max: 40,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: reqInternalName ≤ 40 alphanumeric`
  },
  {
    type: 'CallCenter',
    field: 'displayName',
    target: { element: 'displayName' },
    max: 80,
    unit: 'characters',
    source: `${OBJ_REF}, CallCenter.Name`
  },
  {
    type: 'CallCenter',
    field: 'adapterUrl',
    target: { element: 'adapterUrl' },
    max: 2000,
    unit: 'characters',
    source: `${FIELD_REF}, CallCenter.AdapterUrl`
  },
  {
    type: 'CallCenter',
    field: 'customSettings',
    target: { customSettingsJson: true },
    max: 3000,
    unit: 'characters',
    source: `${FIELD_REF}, CallCenter.CustomSettings`
  },
  {
    type: 'CallCenter',
    field: 'displayNameLabel',
    target: { element: 'displayNameLabel' },
    max: 1000,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: labels ≤ 1000`
  },
  {
    type: 'CallCenter',
    field: 'internalNameLabel',
    target: { element: 'internalNameLabel' },
    max: 1000,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: labels ≤ 1000`
  },
  {
    type: 'CallCenter',
    field: 'sections › name',
    target: { element: 'sections.name' },
    max: 40,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: names ≤ 40`
  },
  {
    type: 'CallCenter',
    field: 'sections › label',
    target: { element: 'sections.label' },
    max: 1000,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: labels ≤ 1000`
  },
  {
    type: 'CallCenter',
    field: 'sections › items › name',
    target: { element: 'sections.items.name' },
    max: 40,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: names ≤ 40`
  },
  {
    type: 'CallCenter',
    field: 'sections › items › label',
    target: { element: 'sections.items.label' },
    max: 1000,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: labels ≤ 1000`
  },
  // No per-item value limit is documented; 1000 is the definition file's bound for reqDisplayName (inference).
  {
    type: 'CallCenter',
    field: 'sections › items › value',
    target: { element: 'sections.items.value' },
    max: 1000,
    unit: 'characters',
    source: `${CTI_DEF_FILE}: reqDisplayName ≤ 1000 (inference for other values)`
  },
  // CspTrustedSite: Field Reference, CspTrustedSite (Description textarea 255, EndpointUrl 255, DeveloperName 80).
  {
    type: 'CspTrustedSite',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: `${FIELD_REF}, CspTrustedSite.Description`
  },
  {
    type: 'CspTrustedSite',
    field: 'endpointUrl',
    target: { element: 'endpointUrl' },
    max: 255,
    unit: 'characters',
    source: `${FIELD_REF}, CspTrustedSite.EndpointUrl`
  },
  {
    type: 'CspTrustedSite',
    field: 'API name',
    target: { fullName: true },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, CspTrustedSite.DeveloperName`
  },
  // CustomApplication: the app's App Launcher record, Field Reference AppMenuItem/UserAppMenuItem
  // (Description 250, Label 80, Name 80); the app type's own limits are not documented (inference).
  {
    type: 'CustomApplication',
    field: 'description',
    target: { element: 'description' },
    max: 250,
    unit: 'characters',
    source: `${FIELD_REF}, AppMenuItem.Description (inference for the app)`
  },
  {
    type: 'CustomApplication',
    field: 'label',
    target: { element: 'label' },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, UserAppMenuItem.Label (inference for the app)`
  },
  {
    type: 'CustomApplication',
    field: 'developer name',
    target: { fullName: true },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, AppMenuItem.Name (inference for the app)`
  },
  // CustomLabels: Metadata API Developer Guide, CustomLabels ("custom text values, up to 1,000 characters in
  // length"); Tooling API, ExternalString.Category ("limited to 255 characters"). The short description is
  // ExternalString.MasterLabel and the name ExternalString.Name, whose lengths are not documented: 80 like
  // other master labels and developer names (inference).
  {
    type: 'CustomLabels',
    field: 'labels › value',
    target: { element: 'labels.value' },
    max: 1000,
    unit: 'characters',
    source: 'Metadata API Developer Guide, CustomLabels (values up to 1,000 characters)'
  },
  {
    type: 'CustomLabels',
    field: 'labels › categories',
    target: { element: 'labels.categories' },
    max: 255,
    unit: 'characters',
    source: 'Tooling API Developer Guide, ExternalString.Category'
  },
  {
    type: 'CustomLabels',
    field: 'labels › shortDescription',
    target: { element: 'labels.shortDescription' },
    max: 80,
    unit: 'characters',
    source: 'not documented (ExternalString.MasterLabel); 80 like other master labels (inference)'
  },
  {
    type: 'CustomLabels',
    field: 'labels › fullName',
    target: { element: 'labels.fullName' },
    max: 80,
    unit: 'characters',
    source: 'not documented (ExternalString.Name); 80 like other developer names (inference)'
  },
  // Translations: a translated label replaces the label's value, so it has the value's limit (inference).
  {
    type: 'Translations',
    field: 'customLabels › label',
    target: { element: 'customLabels.label' },
    max: 1000,
    unit: 'characters',
    source: 'Metadata API Developer Guide, CustomLabels value limit, applied to its translation (inference)'
  },
  // FlexiPage: identifier ≤ 120 (Metadata API Developer Guide, FlexiPage › ComponentInstance.identifier).
  // description/masterLabel limits are not documented; 255/80 like PermissionSet (inference; a 264-character
  // description was the finding of the 2026-11-30 review).
  {
    type: 'FlexiPage',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: 'not documented; 255 like other setup descriptions (inference)'
  },
  {
    type: 'FlexiPage',
    field: 'masterLabel',
    target: { element: 'masterLabel' },
    max: 80,
    unit: 'characters',
    source: 'not documented; 80 like other master labels (inference)'
  },
  {
    type: 'FlexiPage',
    field: 'API name',
    target: { fullName: true },
    max: 80,
    unit: 'characters',
    source: 'not documented; 80 like other developer names (inference)'
  },
  {
    type: 'FlexiPage',
    field: 'componentInstance › identifier',
    target: { element: 'flexiPageRegions.itemInstances.componentInstance.identifier' },
    max: 120,
    unit: 'characters',
    source: 'Metadata API Developer Guide, FlexiPage, ComponentInstance.identifier'
  },
  // LightningComponentBundle: no documented text limits (inference, as FlexiPage).
  {
    type: 'LightningComponentBundle',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: 'not documented; 255 like other setup descriptions (inference)'
  },
  {
    type: 'LightningComponentBundle',
    field: 'masterLabel',
    target: { element: 'masterLabel' },
    max: 80,
    unit: 'characters',
    source: 'not documented; 80 like other master labels (inference)'
  },
  {
    type: 'LightningComponentBundle',
    field: 'bundle name',
    target: { fullName: true },
    max: 40,
    unit: 'characters',
    source: 'not documented; 40 like Visualforce page and Apex-facing names (inference)'
  },
  // LightningMessageChannel: no documented text limits (inference, as FlexiPage; 333 characters was a review finding).
  {
    type: 'LightningMessageChannel',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: 'not documented; 255 like other setup descriptions (inference)'
  },
  {
    type: 'LightningMessageChannel',
    field: 'lightningMessageFields › description',
    target: { element: 'lightningMessageFields.description' },
    max: 255,
    unit: 'characters',
    source: 'not documented; 255 like other setup descriptions (inference)'
  },
  {
    type: 'LightningMessageChannel',
    field: 'masterLabel',
    target: { element: 'masterLabel' },
    max: 80,
    unit: 'characters',
    source: 'not documented; 80 like other master labels (inference)'
  },
  {
    type: 'LightningMessageChannel',
    field: 'API name',
    target: { fullName: true },
    max: 80,
    unit: 'characters',
    source: 'not documented; 80 like other developer names (inference)'
  },
  // PermissionSet: Object Reference, PermissionSet.Description "Limit: 255 characters"; Field Reference,
  // PermissionSet (Label 80, Name 80).
  {
    type: 'PermissionSet',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: `${OBJ_REF}, PermissionSet.Description`
  },
  {
    type: 'PermissionSet',
    field: 'label',
    target: { element: 'label' },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, PermissionSet.Label`
  },
  {
    type: 'PermissionSet',
    field: 'API name',
    target: { fullName: true },
    max: 80,
    unit: 'characters',
    source: `${FIELD_REF}, PermissionSet.Name`
  },
  // CustomField (the call-quality Activity fields): Salesforce Help, "DescribeFieldResult.getLength() returns
  // maximum of 40 characters for longer API name" (article 000381913): "the current character limit for
  // creating field names and labels is 40 characters", and "__c" is added to the name (43).
  {
    type: 'CustomField',
    field: 'label',
    target: { element: 'label' },
    max: 40,
    unit: 'characters',
    source: 'Salesforce Help article 000381913 (field names and labels: 40 characters)'
  },
  {
    type: 'CustomField',
    field: 'API name',
    target: { fullName: true },
    max: 43,
    unit: 'characters',
    source: 'Salesforce Help article 000381913 (40-character name plus "__c")'
  },
  {
    type: 'CustomField',
    field: 'description',
    target: { element: 'description' },
    max: 1000,
    unit: 'characters',
    source: 'Salesforce Help, "Custom Field Attributes" (1,000; not in the stored material: verify)'
  },
  {
    type: 'CustomField',
    field: 'inlineHelpText',
    target: { element: 'inlineHelpText' },
    max: 510,
    unit: 'characters',
    source: 'Salesforce Help, "Custom Field Attributes" (510; not in the stored material: verify)'
  },
  // StaticResource: Object Reference, StaticResource.Description "Limit: 255 characters"; LWC Developer
  // Guide "Access Static Resources": "The maximum file size is 5 MB" (the deployed .resource, zipped).
  {
    type: 'StaticResource',
    field: 'description',
    target: { element: 'description' },
    max: 255,
    unit: 'characters',
    source: `${OBJ_REF}, StaticResource.Description`
  },
  {
    type: 'StaticResource',
    field: 'contentType',
    target: { element: 'contentType' },
    max: 120,
    unit: 'characters',
    source: `${OBJ_REF}, StaticResource.ContentType`
  },
  {
    type: 'StaticResource',
    field: 'size',
    target: { fileBytes: true },
    max: 5 * 1024 * 1024,
    unit: 'bytes',
    source: 'LWC Developer Guide, "Access Static Resources" (5 MB per resource)'
  }
];

export interface LimitViolation {
  file: string;
  type: string;
  field: string;
  length: number;
  max: number;
  unit: LimitRow['unit'];
  source: string;
}

/** Suffix of each source-format file → its metadata type and how its fullName is read. */
const META_SUFFIXES: ReadonlyArray<[RegExp, string]> = [
  [/\.cls-meta\.xml$/, 'ApexClass'],
  [/\.page-meta\.xml$/, 'ApexPage'],
  [/\.callCenter-meta\.xml$/, 'CallCenter'],
  [/\.cspTrustedSite-meta\.xml$/, 'CspTrustedSite'],
  [/\.app-meta\.xml$/, 'CustomApplication'],
  [/\.field-meta\.xml$/, 'CustomField'],
  [/\.labels-meta\.xml$/, 'CustomLabels'],
  [/\.translation-meta\.xml$/, 'Translations'],
  [/\.flexipage-meta\.xml$/, 'FlexiPage'],
  [/\.js-meta\.xml$/, 'LightningComponentBundle'],
  [/\.messageChannel-meta\.xml$/, 'LightningMessageChannel'],
  [/\.permissionset-meta\.xml$/, 'PermissionSet'],
  [/\.resource-meta\.xml$/, 'StaticResource']
];

function typeOf(file: string): { type: string; fullName: string } | undefined {
  for (const [suffix, type] of META_SUFFIXES) {
    if (!suffix.test(file)) continue;
    // An LWC bundle is named by its folder; everything else by the file name before the suffix.
    const fullName =
      type === 'LightningComponentBundle' ? basename(dirname(file)) : basename(file).replace(suffix, '');
    return { type, fullName };
  }
  return undefined;
}

const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  trimValues: false
});

/** Every string at `path` (dot-separated), through arrays at any level. */
function valuesAt(node: unknown, path: readonly string[]): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, path));
  if (path.length === 0)
    return typeof node === 'string' ? [node] : typeof node === 'number' ? [String(node)] : [];
  if (node === null || typeof node !== 'object') return [];
  const [head = '', ...rest] = path;
  return valuesAt((node as Record<string, unknown>)[head], rest);
}

/** What the deploy uploads for a static resource: the single file, or the folder zipped (≈ its files' sum, an upper bound). */
function resourceBytes(metaFile: string, fullName: string): number {
  const dir = dirname(metaFile);
  const folder = join(dir, fullName);
  try {
    if (statSync(folder).isDirectory()) return listFiles(folder).reduce((n, f) => n + statSync(f).size, 0);
  } catch {
    // no folder: a single-file resource
  }
  const single = readdirSync(dir).find((f) => f.startsWith(`${fullName}.`) && !f.endsWith('-meta.xml'));
  return single ? statSync(join(dir, single)).size : 0;
}

/** The reqGeneralInfo items as the platform stores them in CustomSettings (JSON, as in the metadata file). */
function customSettingsLength(root: Record<string, unknown>): number {
  const cs = root.customSettings;
  return typeof cs === 'string' ? cs.length : 0;
}

/** One component as the checker sees it: its type, name, -meta.xml text and (static resources) upload size. */
export interface ComponentText {
  type: string;
  fullName: string;
  xml: string;
  file: string;
  bytes?: number;
}

function measure(row: LimitRow, root: Record<string, unknown>, c: ComponentText): number[] {
  const t = row.target;
  if ('element' in t) return valuesAt(root, t.element.split('.')).map((v) => [...v].length);
  if ('fullName' in t) return [[...c.fullName].length];
  if ('customSettingsJson' in t) return [customSettingsLength(root)];
  return [c.bytes ?? 0];
}

/** Checks one component against every row for its type. */
export function checkComponentLimits(c: ComponentText, rows: readonly LimitRow[] = LIMITS): LimitViolation[] {
  const doc = parser.parse(c.xml) as Record<string, unknown>;
  const node = doc[c.type];
  const root = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
  const violations: LimitViolation[] = [];
  for (const row of rows.filter((r) => r.type === c.type)) {
    for (const length of measure(row, root, c)) {
      if (length > row.max) {
        violations.push({
          file: c.file,
          type: row.type,
          field: row.field,
          length,
          max: row.max,
          unit: row.unit,
          source: row.source
        });
      }
    }
  }
  return violations;
}

/** Checks every -meta.xml under `packageDir` against LIMITS; paths in the report are relative to `relativeTo`. */
export function checkLimits(
  packageDir: string,
  relativeTo: string,
  rows: readonly LimitRow[] = LIMITS
): LimitViolation[] {
  return listFiles(packageDir).flatMap((file) => {
    const kind = typeOf(file);
    if (!kind) return [];
    const bytes = kind.type === 'StaticResource' ? resourceBytes(file, kind.fullName) : undefined;
    return checkComponentLimits(
      { ...kind, xml: readFileSync(file, 'utf8'), file: relative(relativeTo, file), bytes },
      rows
    );
  });
}

export function formatViolations(violations: readonly LimitViolation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.file}: ${v.type} ${v.field} is ${v.length} ${v.unit}, over the limit of ${v.max} (${v.source})`
    )
    .join('\n');
}
