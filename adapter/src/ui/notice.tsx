import type { Notice } from '../call/types';
import type { ViewActions } from './actions';
import { t } from '../i18n/labels';

const THEME: Record<Notice['kind'], string> = {
  error: 'slds-theme_error',
  warning: 'slds-theme_warning',
  info: 'slds-theme_info'
};

export function NoticeBanner({ notice, actions }: { notice: Notice | null; actions: ViewActions }) {
  return (
    <div aria-live="assertive" class="sb-notice-region">
      {notice ? (
        <div
          class={`slds-notify slds-notify_alert ${THEME[notice.kind]} sb-notice`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-id="notice"
          data-kind={notice.kind}
        >
          <span class="slds-assistive-text">{t('Switchboard_Notice_Kind', { kind: notice.kind })}</span>
          <p data-id="notice-text">{notice.text}</p>
          <button
            class="slds-button slds-button_icon slds-button_icon-inverse sb-notice-close"
            data-id="notice-dismiss"
            aria-label={t('Switchboard_Notice_Dismiss')}
            title={t('Switchboard_Notice_DismissTooltip')}
            onClick={() => actions.dispatch({ type: 'DISMISS_NOTICE' })}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
