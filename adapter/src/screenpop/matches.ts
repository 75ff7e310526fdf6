import type { RecordRef } from '../call/types';
import { isSalesforceId } from '../opencti/salesforce-id';
import type { SearchAndScreenPopResult } from '../opencti/types';

/**
 * Reads searchAndScreenPop's result (keyed by record Id, plus SCREEN_POP_DATA when deferred)
 * into records the agent can choose from. Which fields come back depends on the softphone
 * layout, so everything but the Id is optional.
 */
export function matchesFrom(result: SearchAndScreenPopResult, limit = 25): RecordRef[] {
  const out: RecordRef[] = [];
  for (const [key, raw] of Object.entries(result)) {
    if (key === 'SCREEN_POP_DATA' || typeof raw !== 'object' || raw === null) continue;
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.Id === 'string' ? entry.Id : key;
    if (!isSalesforceId(id)) continue;
    out.push({
      id,
      name: typeof entry.Name === 'string' ? entry.Name.slice(0, 120) : null,
      objectType: typeof entry.RecordType === 'string' ? entry.RecordType : null
    });
    if (out.length >= limit) break;
  }
  return out;
}
