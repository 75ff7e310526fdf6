import type { ElectionMode } from './leader';

/**
 * The one start-up notice about what the browser refuses this page. Blocking site data takes
 * storage, Web Locks and BroadcastChannel together, so the agent is told once what that costs,
 * not once per API.
 */
export function siteDataNotice(status: { storageDurable: boolean; election: ElectionMode }): string | null {
  const tabsBlocked = status.election === 'blocked';
  if (tabsBlocked && !status.storageDurable) {
    return "This browser blocks site data, so Switchboard can't coordinate tabs or keep logs across reloads; it works in this tab only.";
  }
  if (tabsBlocked) {
    return "This browser blocks site data, so Switchboard can't coordinate tabs; it works in this tab only, and other Salesforce tabs may each run their own phone.";
  }
  if (!status.storageDurable)
    return 'This browser blocks storage for the softphone, so unsaved call logs would be lost on reload.';
  return null;
}
