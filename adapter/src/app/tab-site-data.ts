import { t } from '../i18n/labels';
import type { ElectionMode } from './leader';

/**
 * The one start-up notice about what the browser refuses this page. Blocking site data takes
 * storage, Web Locks and BroadcastChannel together, so the agent is told once what that costs,
 * not once per API.
 */
export function siteDataNotice(status: { storageDurable: boolean; election: ElectionMode }): string | null {
  const tabsBlocked = status.election === 'blocked';
  if (tabsBlocked && !status.storageDurable) {
    return t('Switchboard_Tabs_BlockedNoStorage');
  }
  if (tabsBlocked) {
    return t('Switchboard_Tabs_BlockedTabs');
  }
  if (!status.storageDurable) return t('Switchboard_Tabs_BlockedStorage');
  return null;
}
