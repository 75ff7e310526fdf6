import { isSalesforceId } from '../opencti/salesforce-id';
import { SafeStorage, type StorageLike, type StorageProblem } from './safe-storage';
import { t } from '../i18n/labels';

/**
 * Binds everything the softphone keeps in the browser to one org and one Salesforce user.
 *
 * localStorage belongs to the org's Visualforce origin, not to a user, and survives Salesforce
 * logout: without this, the next person to use the browser would get the last agent's remembered SIP
 * password (and be logged in as their extension), their half-typed wrap-up notes and their unsent logs.
 * The adapter page hands `{!$Organization.Id}` and `{!$User.Id}` to the bundle; every key is prefixed
 * with both, and at start-up every Switchboard item that is not the current user's is deleted unread.
 */

export interface SalesforceUser {
  orgId: string;
  userId: string;
}

/** Every key Switchboard ever wrote starts with this, including the unscoped keys of earlier versions. */
export const STORAGE_FAMILY = 'switchboard:';

/** The org and user the page says are signed in, or null when it did not say (or said nonsense). */
export function userFromPage(data: {
  orgId?: string | undefined;
  userId?: string | undefined;
}): SalesforceUser | null {
  const { orgId, userId } = data;
  if (!isSalesforceId(orgId) || !orgId.startsWith('00D')) return null;
  if (!isSalesforceId(userId) || !userId.startsWith('005')) return null;
  return { orgId, userId };
}

/**
 * The key prefix for one user. Ids are cut to their 15 case-sensitive characters: the 18-character form
 * only adds a checksum, and the page and the API do not always agree on which form they give.
 */
export function scopePrefix(user: SalesforceUser): string {
  return `${STORAGE_FAMILY}u:${user.orgId.slice(0, 15)}:${user.userId.slice(0, 15)}:`;
}

/**
 * Deletes every Switchboard item that does not belong to `keepPrefix` without reading it: another
 * user's items, and the unscoped items of earlier versions (whose owner cannot be known).
 * Returns how many went; never throws (storage that refuses has nothing we could clear anyway).
 */
export function clearForeignItems(storage: StorageLike, keepPrefix: string): number {
  try {
    const foreign: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(STORAGE_FAMILY) && !key.startsWith(keepPrefix)) foreign.push(key);
    }
    for (const key of foreign) storage.removeItem(key);
    return foreign.length;
  } catch {
    return 0;
  }
}

/**
 * The one store for this user's items. Without a known user nothing durable is read or written:
 * reading could hand one agent another agent's data.
 */
export function openUserStorage(
  storage: StorageLike | null,
  user: SalesforceUser | null,
  onProblem?: (problem: StorageProblem) => void
): { store: SafeStorage; cleared: number } {
  if (!user) {
    const store = new SafeStorage(null, `${STORAGE_FAMILY}unknown-user:`);
    if (onProblem) store.onProblem(onProblem);
    store.report({ kind: 'storage-unavailable', message: t('Switchboard_Storage_UnknownUser') });
    return { store, cleared: 0 };
  }
  const prefix = scopePrefix(user);
  const cleared = storage ? clearForeignItems(storage, prefix) : 0;
  return { store: new SafeStorage(storage, prefix, onProblem), cleared };
}
