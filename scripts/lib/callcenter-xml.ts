// The CallCenter metadata file is the single source of truth; the Setup "Import" file (callcenter.xml)
// is a different dialect derived from it (shared metadata notes §1.3):
//   file name → reqInternalName (sortOrder 0), displayName/displayNameLabel → reqDisplayName (1),
//   internalNameLabel → label of reqInternalName, then the reqGeneralInfo items, then other sections.
import { XMLParser } from 'fast-xml-parser';

export interface CallCenterItem {
  name: string;
  label: string;
  value: string;
}

export interface CallCenterSection {
  name: string;
  label: string;
  items: CallCenterItem[];
}

export interface CallCenterMeta {
  adapterUrl: string | undefined;
  customSettings: string | undefined;
  displayName: string;
  displayNameLabel: string;
  internalNameLabel: string;
  sections: CallCenterSection[];
}

export const GENERAL_SECTION = 'reqGeneralInfo';

export const REQUIRED_GENERAL_ITEMS = [
  'reqInternalName',
  'reqDisplayName',
  'reqAdapterUrl',
  'reqUseApi',
  'reqSoftphoneHeight',
  'reqSoftphoneWidth',
  'reqSalesforceCompatibilityMode'
] as const;

/** Salesforce-defined names; any other name starting with `req` is reserved and rejected on import. */
const KNOWN_REQ_NAMES = new Set<string>([
  GENERAL_SECTION,
  'reqDialingOptions',
  ...REQUIRED_GENERAL_ITEMS,
  'reqStandbyUrl',
  'reqTimeout',
  'reqCanvasNamespace',
  'reqCanvasApiName',
  'reqOutsidePrefix',
  'reqLongDistPrefix',
  'reqInternationalPrefix'
]);

const RESERVED_NAMES = new Set(['label', 'sortOrder', 'internalNameLabel', 'displayNameLabel']);

const NAME_PATTERN = /^[A-Za-z0-9]{1,40}$/;

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`expected text, got ${JSON.stringify(value)}`);
}

function required(obj: Record<string, unknown>, key: string, where: string): string {
  const v = text(obj[key]);
  if (v === '') throw new Error(`${where}: <${key}> is required`);
  return v;
}

export function parseCallCenterMeta(metaXml: string): CallCenterMeta {
  // Values stay strings ("480", "true"): callcenter.xml and getCallCenterSettings are all strings.
  const doc = new XMLParser({
    parseTagValue: false,
    ignoreDeclaration: true,
    isArray: (name) => name === 'sections' || name === 'items'
  }).parse(metaXml) as Record<string, unknown>;
  const cc = doc.CallCenter;
  if (typeof cc !== 'object' || cc === null)
    throw new Error('not a CallCenter metadata file (root <CallCenter> missing)');
  const root = cc as Record<string, unknown>;
  const sections = ((root.sections ?? []) as Array<Record<string, unknown>>).map((s, si) => ({
    name: required(s, 'name', `sections[${si}]`),
    label: required(s, 'label', `sections[${si}]`),
    items: ((s.items ?? []) as Array<Record<string, unknown>>).map((it, ii) => ({
      name: required(it, 'name', `sections[${si}].items[${ii}]`),
      label: required(it, 'label', `sections[${si}].items[${ii}]`),
      value: text(it.value)
    }))
  }));
  const optional = (k: string): string | undefined => (root[k] === undefined ? undefined : text(root[k]));
  return {
    adapterUrl: optional('adapterUrl'),
    customSettings: optional('customSettings'),
    displayName: required(root, 'displayName', 'CallCenter'),
    displayNameLabel: required(root, 'displayNameLabel', 'CallCenter'),
    internalNameLabel: required(root, 'internalNameLabel', 'CallCenter'),
    sections
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function renderCallCenterXml(metaXml: string, internalName: string): string {
  const meta = parseCallCenterMeta(metaXml);
  const general = meta.sections.find((s) => s.name === GENERAL_SECTION);
  if (!general) throw new Error(`CallCenter has no ${GENERAL_SECTION} section`);
  for (const name of ['reqInternalName', 'reqDisplayName']) {
    if (general.items.some((i) => i.name === name)) {
      throw new Error(
        `${name} comes from the file name / displayName; it must not be an item in the metadata file`
      );
    }
  }
  const sections: CallCenterSection[] = [
    {
      ...general,
      items: [
        { name: 'reqInternalName', label: meta.internalNameLabel, value: internalName },
        { name: 'reqDisplayName', label: meta.displayNameLabel, value: meta.displayName },
        ...general.items
      ]
    },
    ...meta.sections.filter((s) => s !== general)
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!--',
    '  Call center definition for Setup > Call Centers > Import.',
    `  Generated from org-config/main/default/callCenters/${internalName}.callCenter-meta.xml`,
    '  by `npm run generate:callcenter`: edit the metadata file, then regenerate.',
    '-->',
    '<callCenter>'
  ];
  sections.forEach((s, si) => {
    lines.push(`    <section sortOrder="${si}" name="${escapeAttr(s.name)}" label="${escapeAttr(s.label)}">`);
    s.items.forEach((it, ii) => {
      lines.push(
        `        <item sortOrder="${ii}" name="${escapeAttr(it.name)}" label="${escapeAttr(it.label)}">${escapeText(it.value)}</item>`
      );
    });
    lines.push('    </section>');
  });
  lines.push('</callCenter>', '');
  return lines.join('\n');
}

export interface ImportItem {
  sortOrder: string;
  name: string;
  label: string;
  value: string;
}

export interface ImportSection {
  sortOrder: string;
  name: string;
  label: string;
  items: ImportItem[];
}

export function parseCallCenterImport(xml: string): ImportSection[] {
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    textNodeName: '#text',
    isArray: (name) => name === 'section' || name === 'item'
  }).parse(xml) as Record<string, unknown>;
  if (!('callCenter' in doc)) throw new Error('root element must be <callCenter>');
  const root = (doc.callCenter ?? {}) as Record<string, unknown>;
  const sections = (root.section ?? []) as Array<Record<string, unknown>>;
  return sections.map((s) => ({
    sortOrder: text(s.sortOrder),
    name: text(s.name),
    label: text(s.label),
    items: ((s.item ?? []) as Array<Record<string, unknown> | string>).map((it) =>
      typeof it === 'string'
        ? { sortOrder: '', name: '', label: '', value: it }
        : {
            sortOrder: text(it.sortOrder),
            name: text(it.name),
            label: text(it.label),
            value: text(it['#text'])
          }
    )
  }));
}

function checkSortOrders(orders: readonly string[], where: string): string[] {
  if (orders.some((o) => !/^(0|[1-9][0-9]*)$/.test(o))) {
    return [
      `${where}: every sortOrder must be a non-negative integer (got ${orders.map((o) => JSON.stringify(o)).join(', ')})`
    ];
  }
  const sorted = orders.map(Number).sort((a, b) => a - b);
  return sorted.every((n, i) => n === i)
    ? []
    : [`${where}: sortOrders must be contiguous from 0 (got ${sorted.join(', ')})`];
}

function checkName(name: string, where: string): string[] {
  const problems: string[] = [];
  if (!NAME_PATTERN.test(name)) problems.push(`${where}: name "${name}" must be 1-40 letters or digits`);
  if (RESERVED_NAMES.has(name)) problems.push(`${where}: name "${name}" is reserved`);
  if (name.startsWith('req') && !KNOWN_REQ_NAMES.has(name)) {
    problems.push(
      `${where}: name "${name}" starts with "req", which is reserved for Salesforce-defined items`
    );
  }
  return problems;
}

function duplicates(names: readonly string[]): string[] {
  return names.filter((n, i) => names.indexOf(n) !== i);
}

/** Everything Setup's Import rejects (per the call center definition file docs), plus our Lightning requirement. */
export function validateCallCenterImport(xml: string): string[] {
  let sections: ImportSection[];
  try {
    sections = parseCallCenterImport(xml);
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  const problems: string[] = [];
  problems.push(
    ...checkSortOrders(
      sections.map((s) => s.sortOrder),
      'sections'
    )
  );
  for (const d of duplicates(sections.map((s) => s.name)))
    problems.push(`section "${d}" appears more than once`);
  for (const s of sections) {
    const where = `section ${s.name || '(unnamed)'}`;
    problems.push(...checkName(s.name, where));
    if (s.label === '') problems.push(`${where}: label is required`);
    problems.push(
      ...checkSortOrders(
        s.items.map((i) => i.sortOrder),
        `${where} items`
      )
    );
    for (const d of duplicates(s.items.map((i) => i.name)))
      problems.push(`${where}: item "${d}" appears more than once`);
    for (const it of s.items) {
      problems.push(...checkName(it.name, `${where} item ${it.name || '(unnamed)'}`));
      if (it.label === '') problems.push(`${where} item ${it.name}: label is required`);
    }
  }

  const general = sections.find((s) => s.name === GENERAL_SECTION);
  if (!general) return [...problems, `section ${GENERAL_SECTION} is missing`];
  const item = (name: string): ImportItem | undefined => general.items.find((i) => i.name === name);
  for (const name of REQUIRED_GENERAL_ITEMS) {
    if (!item(name)) problems.push(`${GENERAL_SECTION}: required item ${name} is missing`);
  }
  const internal = item('reqInternalName');
  if (internal && internal.sortOrder !== '0') problems.push('reqInternalName must have sortOrder 0');
  if (internal && !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(internal.value)) {
    problems.push(
      `reqInternalName "${internal.value}" must be 1-40 letters or digits starting with a letter`
    );
  }
  const display = item('reqDisplayName');
  if (display && display.sortOrder !== '1') problems.push('reqDisplayName must have sortOrder 1');
  const mode = item('reqSalesforceCompatibilityMode');
  if (mode && mode.value !== 'Lightning' && mode.value !== 'Classic_and_Lightning') {
    problems.push(
      `reqSalesforceCompatibilityMode "${mode.value}" hides the softphone in Lightning Experience`
    );
  }
  if (Boolean(item('reqStandbyUrl')) !== Boolean(item('reqTimeout'))) {
    problems.push('reqStandbyUrl and reqTimeout must be set together');
  }
  return problems;
}
