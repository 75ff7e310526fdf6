import type { MachineState } from '../call/types';
import type { ProviderKind } from '../telephony/provider';

const REGISTRATION_TEXT: Record<MachineState['registration'], string> = {
  unregistered: 'Offline',
  registering: 'Connecting…',
  registered: 'Ready',
  failed: 'Not connected'
};

export function StatusBar({ state, provider }: { state: MachineState; provider: ProviderKind }) {
  const text = state.initialized ? REGISTRATION_TEXT[state.registration] : 'Starting…';
  const theme = state.registration === 'registered' ? 'slds-theme_success' : state.registration === 'failed' ? 'slds-theme_error' : 'slds-theme_warning';
  return (
    <div class="sb-status slds-grid slds-grid_vertical-align-center slds-p-horizontal_small slds-p-vertical_x-small">
      <span class={`slds-badge ${theme}`} data-id="status" role="status" aria-live="polite">
        {text}
      </span>
      {state.registrationReason && state.registration !== 'registered' ? (
        <span class="slds-text-body_small slds-m-left_x-small slds-truncate" data-id="status-reason" title={state.registrationReason}>
          {state.registrationReason}
        </span>
      ) : null}
      <span class="slds-col_bump-left slds-text-body_small slds-text-color_weak" data-id="provider">
        {provider === 'demo' ? 'Demo line' : 'SIP'}
      </span>
    </div>
  );
}
