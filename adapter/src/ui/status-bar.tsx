import type { MachineState } from '../call/types';
import { endCauseMessage, isEndCause } from '../call/end-cause-text';

/** Providers report registration trouble as an EndCause where they can; show the sentence, not the code. */
function describeReason(reason: string): string {
  return isEndCause(reason) ? endCauseMessage(reason) : reason;
}
import type { LineView } from './actions';
import { t, type PlainLabelName } from '../i18n/labels';

const REGISTRATION_TEXT: Record<MachineState['registration'], PlainLabelName> = {
  unregistered: 'Switchboard_Status_Offline',
  registering: 'Switchboard_Status_Connecting',
  registered: 'Switchboard_Status_Ready',
  failed: 'Switchboard_Status_NotConnected'
};

export function StatusBar({ state, line }: { state: MachineState; line: LineView }) {
  const text = t(state.initialized ? REGISTRATION_TEXT[state.registration] : 'Switchboard_Status_Starting');
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
        {t(line.kind === 'demo' ? 'Switchboard_Line_Demo' : 'Switchboard_Line_Sip')}
      </span>
      {line.kind === 'sip' && line.status === 'connected' && state.phase === 'idle' ? (
        <button
          type="button"
          class="slds-button slds-m-left_x-small"
          data-id="sip-logout"
          onClick={() => line.logout()}
        >
          {t('Switchboard_Sip_LogOut')}
        </button>
      ) : null}
    </div>
  );
}
