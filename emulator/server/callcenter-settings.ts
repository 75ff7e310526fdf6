/**
 * Reads a `*.callCenter-meta.xml` (Metadata API source format) and flattens it into the map
 * `getCallCenterSettings` returns in an org: slash paths to strings (opencti-protocol.md §4).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type CallCenterSettings = Record<string, string>;

/** The call center is per-org configuration: it lives in org-config/, outside the unlocked package. */
export const CALL_CENTER_SOURCE = 'org-config/main/default/callCenters/Switchboard.callCenter-meta.xml';

interface ParsedItem {
  label?: unknown;
  name?: unknown;
  value?: unknown;
}
interface ParsedSection {
  label?: unknown;
  name?: unknown;
  items?: ParsedItem[];
}
interface ParsedCallCenter {
  displayName?: unknown;
  displayNameLabel?: unknown;
  internalNameLabel?: unknown;
  sections?: ParsedSection[];
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Metadata files carry no sortOrder, so position stands in for it, printed like the platform ("2.0"). */
function sortOrder(position: number): string {
  return `${position}.0`;
}

export function flattenCallCenter(xml: string, internalName: string): CallCenterSettings {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'sections' || name === 'items'
  });
  const doc = parser.parse(xml) as { CallCenter?: ParsedCallCenter };
  const root = doc.CallCenter;
  if (!root) throw new Error('Not a CallCenter metadata file (no <CallCenter> root).');

  const displayName = text(root.displayName);
  const out: CallCenterSettings = {
    '/label': displayName,
    '/displayNameLabel': text(root.displayNameLabel),
    '/internalNameLabel': text(root.internalNameLabel),
    // The two names are not items in metadata; the platform shows them first in reqGeneralInfo.
    '/reqGeneralInfo/reqInternalName': internalName,
    '/reqGeneralInfo/reqInternalName/label': text(root.internalNameLabel),
    '/reqGeneralInfo/reqInternalName/sortOrder': sortOrder(0),
    '/reqGeneralInfo/reqDisplayName': displayName,
    '/reqGeneralInfo/reqDisplayName/label': text(root.displayNameLabel),
    '/reqGeneralInfo/reqDisplayName/sortOrder': sortOrder(1)
  };
  (root.sections ?? []).forEach((section, sectionIndex) => {
    const sectionName = text(section.name);
    out[`/${sectionName}/label`] = text(section.label);
    out[`/${sectionName}/sortOrder`] = sortOrder(sectionIndex);
    const firstItem = sectionName === 'reqGeneralInfo' ? 2 : 0;
    (section.items ?? []).forEach((item, itemIndex) => {
      const path = `/${sectionName}/${text(item.name)}`;
      out[path] = text(item.value);
      out[`${path}/label`] = text(item.label);
      out[`${path}/sortOrder`] = sortOrder(firstItem + itemIndex);
    });
  });
  return out;
}

/** The internal name is the file name, as in the org. */
export function readCallCenterSettings(path: string): CallCenterSettings {
  const internalName = basename(path).replace(/\.callCenter(-meta\.xml)?$/, '');
  return flattenCallCenter(readFileSync(path, 'utf8'), internalName);
}
