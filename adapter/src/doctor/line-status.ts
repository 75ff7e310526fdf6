import type { MachineState } from '../call/types';
import type { LineView } from '../ui/actions';

/**
 * The line as the SIP registration check reads it: registered per the machine (what the provider
 * last reported), otherwise the line's own status and the reason it gave up, if any.
 */
export function doctorLineStatus(
  state: Pick<MachineState, 'registration' | 'registrationReason'>,
  line: Pick<LineView, 'status' | 'error'>,
  elsewhere: boolean
): { status: string; error: string | null } {
  if (elsewhere) return { status: 'elsewhere', error: null };
  if (state.registration === 'registered') return { status: 'connected', error: null };
  const error = line.error ?? (state.registration === 'failed' ? state.registrationReason : null);
  return { status: line.status === 'connected' ? 'connecting' : line.status, error: error ?? null };
}
