import type { CallLog } from '../call/types';
import type { ViewActions } from './actions';
import { t, type PlainLabelName } from '../i18n/labels';

const STATUS_TEXT: Record<CallLog['status'], PlainLabelName> = {
  saving: 'Switchboard_Logs_Saving',
  saved: 'Switchboard_Logs_Saved',
  failed: 'Switchboard_Logs_Failed'
};
const STATUS_THEME: Record<CallLog['status'], string> = {
  saving: '',
  saved: 'slds-theme_success',
  failed: 'slds-theme_error'
};

/** Every call's log, newest first: pending and failed ones stay until Salesforce confirms them. */
export function CallLogs({ logs, actions }: { logs: CallLog[]; actions: ViewActions }) {
  if (logs.length === 0) return null;
  return (
    <section
      class="slds-p-horizontal_small slds-p-bottom_small sb-logs"
      aria-label={t('Switchboard_Logs_Title')}
    >
      <h2 class="slds-text-title_caps slds-m-bottom_xx-small">{t('Switchboard_Logs_Title')}</h2>
      <ul class="slds-has-dividers_bottom-space">
        {[...logs].reverse().map((log) => (
          <li class="slds-item" data-id={`log-${log.callId}`} data-status={log.status}>
            <div class="slds-grid slds-grid_vertical-align-center">
              <span class="slds-truncate slds-col" title={String(log.value.Subject ?? '')}>
                {String(log.value.Subject ?? t('Switchboard_Logs_Untitled'))}
              </span>
              <span class={`slds-badge ${STATUS_THEME[log.status]}`} data-id={`log-status-${log.callId}`}>
                {t(STATUS_TEXT[log.status])}
              </span>
            </div>
            {log.status === 'failed' ? (
              <div class="slds-m-top_xx-small" role="alert">
                <p class="slds-text-color_error slds-text-body_small" data-id={`log-error-${log.callId}`}>
                  {log.error}
                </p>
                <button
                  type="button"
                  class="slds-button slds-button_neutral slds-m-top_xx-small"
                  data-id={`log-retry-${log.callId}`}
                  onClick={() => actions.dispatch({ type: 'RETRY_LOG', callId: log.callId })}
                >
                  {t('Switchboard_Logs_Retry')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
