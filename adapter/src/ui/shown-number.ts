import type { Call } from '../call/types';
import { formatPhoneNumber } from '../i18n/formats';

/**
 * A call's number as this agent's locale writes it. `display` was fixed when the call arrived, relative
 * to the call center's default country; the locale decides national or international form here.
 */
export function shownNumber(call: Pick<Call, 'dial' | 'display'>): string {
  return formatPhoneNumber(call.dial) ?? call.display;
}
