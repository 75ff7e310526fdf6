import type { MachineState } from '../call/types';
import { endCauseMessage, isEndCause } from '../call/end-cause-text';

/** Providers report registration trouble as an EndCause where they can; show the sentence, not the code. */
function describeReason(reason: string): string {
  return isEndCause(reason) ? endCauseMessage(reason) : reason;
}
import type { LineView } from './actions';

const REGISTRATION_TEXT: Record<MachineState['registration'], string> = {
  unregistered: 'Offline',
  registering: 'Connecting…',
  registered: 'Ready',
  failed: 'Not connected'
};

export function StatusBar({ state, line }: { state: MachineState; line: LineView }) {
  const text = state.initialized ? REGISTRATION_TEXT[state.registration] : 'Starting…';
  const theme =
    state.registration === 'registered'
      ? 'slds-theme_success'
      : state.registration === 'failed'
        ? 'slds-theme_error'
        : 'slds-theme_warning';
  return (
    <div class="sb-status slds-grid slds-grid_vertical-align-center slds-p-horizontal_small slds-p-vertical_x-small">
      <span class={`slds-badge ${theme}`} data-id="status" role="status" aria-live="polite">
        {text}
      </span>
      {state.registrationReason && state.registration !== 'registered' ? (
        <span
          class="slds-text-body_small slds-m-left_x-small slds-truncate"
          data-id="status-reason"
          title={describeReason(state.registrationReason)}
        >
          {describeReason(state.registrationReason)}
        </span>
      ) : null}
      <span class="slds-col_bump-left slds-text-body_small slds-text-color_weak" data-id="provider">
        {line.kind === 'demo' ? 'Demo line' : 'SIP'}
      </span>
      {line.kind === 'sip' && line.status === 'connected' && state.phase === 'idle' ? (
        <button
          type="button"
          class="slds-button slds-m-left_x-small"
          data-id="sip-logout"
          onClick={() => line.logout()}
        >
          Log out
        </button>
      ) : null}
    </div>
  );
}
