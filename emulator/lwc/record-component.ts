/**
 * `<c-switchboard-click-to-dial>` for the emulator's record pages: the compiled component (see
 * emulator/lwc/build.ts) on the host platform, with the App Builder properties of the Contact record page
 * that ships (flexipages/Switchboard_Contact_Record_Page.flexipage-meta.xml).
 */
import type { SRecord } from '../host/data';
import { createHostPlatform, type HostPlatformDeps } from './host-platform';
import type { RecordComponentProps } from './platform';
import { createRecordComponent } from './runtime';

/**
 * componentInstanceProperties of c_switchboardClickToDial on Switchboard_Contact_Record_Page. No cardTitle:
 * the component then shows its Switchboard_Card_Title label, in the user's language.
 */
export const RECORD_PAGE_PROPERTIES = {
  phoneFields: 'Phone,MobilePhone',
  recentCallLimit: 5,
  showRecentCalls: true
} as const;

/** The objects whose record page (a shipped flexipage) holds the component. */
export const RECORD_PAGE_OBJECTS: ReadonlySet<string> = new Set(['Contact']);

/** null for a record whose page has no component. */
export type RecordComponentFactory = (record: SRecord) => HTMLElement | null;

/** One platform for the page; each call creates a new element (insert it to connect it). */
export function recordComponentFactory(deps: HostPlatformDeps): RecordComponentFactory {
  const host = createHostPlatform(deps);
  return (record) => {
    if (!RECORD_PAGE_OBJECTS.has(record.objectType)) return null;
    const props: RecordComponentProps = {
      ...RECORD_PAGE_PROPERTIES,
      recordId: record.Id,
      objectApiName: record.objectType
    };
    return createRecordComponent(host, props);
  };
}
