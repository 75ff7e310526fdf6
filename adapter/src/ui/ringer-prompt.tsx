import { t } from '../i18n/labels';
import type { RingerView } from './ringer-view';

/**
 * Says when a call rings silently because the browser blocks sound, with the one click that fixes it.
 * The wrapper is always there so the ring's status can be read (`data-ring`), by tests and by support.
 */
export function RingerPrompt({ ringer }: { ringer: RingerView | undefined }) {
  if (!ringer) return null;
  return (
    <div data-id="ringer" data-ring={ringer.status}>
      {ringer.status === 'blocked' ? (
        <div
          class="slds-notify slds-notify_alert slds-theme_warning sb-ringer-prompt"
          role="alert"
          data-id="ringer-prompt"
        >
          <p>{t('Switchboard_Ringer_Blocked')}</p>
          <button
            type="button"
            class="slds-button slds-button_neutral slds-m-top_x-small"
            data-id="ringer-enable"
            onClick={() => ringer.enable()}
          >
            {t('Switchboard_Ringer_Enable')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The ringtone's own output, apart from the call's speaker; remembered in this browser. */
export function RingtoneSettings({ ringer }: { ringer: RingerView | undefined }) {
  const device = ringer?.device;
  if (!device) return null;
  return (
    <details
      class="slds-p-horizontal_small slds-p-bottom_small sb-ringtone"
      data-id="ringtone-settings"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void device.refresh();
      }}
    >
      <summary class="slds-text-title_caps">{t('Switchboard_Ringtone_Settings')}</summary>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-ringtone-device">
          {t('Switchboard_Ringtone_Device')}
        </label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="sb-ringtone-device"
              class="slds-select"
              data-id="ringtone-device"
              value={device.selected}
              onChange={(e) => device.choose((e.target as HTMLSelectElement).value)}
            >
              <option value="">{t('Switchboard_Ringtone_Default')}</option>
              {device.options.map((d) => (
                <option value={d.id}>{d.label}</option>
              ))}
            </select>
          </div>
        </div>
      </div>
    </details>
  );
}
