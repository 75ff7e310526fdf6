import type { LineView } from './actions';
import { t } from '../i18n/labels';

/** Microphone and speaker for the SIP line; the browser default unless the agent picks one. */
export function AudioSettings({ line }: { line: LineView }) {
  const devices = line.devices;
  if (line.kind !== 'sip' || line.status !== 'connected' || !devices) return null;
  const { selected } = devices;
  return (
    <details class="slds-p-horizontal_small slds-p-bottom_small sb-audio" data-id="audio-settings">
      <summary class="slds-text-title_caps">{t('Switchboard_Audio_Title')}</summary>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-mic">
          {t('Switchboard_Audio_Microphone')}
        </label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="sb-mic"
              class="slds-select"
              data-id="audio-input"
              value={selected.inputId}
              onChange={(e) =>
                line.chooseDevices({ ...selected, inputId: (e.target as HTMLSelectElement).value })
              }
            >
              <option value="">{t('Switchboard_Audio_BrowserDefault')}</option>
              {devices.inputs.map((d) => (
                <option value={d.id}>{d.label}</option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {devices.outputs.length > 0 ? (
        <div class="slds-form-element slds-m-top_x-small">
          <label class="slds-form-element__label" for="sb-speaker">
            {t('Switchboard_Audio_Speaker')}
          </label>
          <div class="slds-form-element__control">
            <div class="slds-select_container">
              <select
                id="sb-speaker"
                class="slds-select"
                data-id="audio-output"
                value={selected.outputId}
                onChange={(e) =>
                  line.chooseDevices({ ...selected, outputId: (e.target as HTMLSelectElement).value })
                }
              >
                <option value="">{t('Switchboard_Audio_BrowserDefault')}</option>
                {devices.outputs.map((d) => (
                  <option value={d.id}>{d.label}</option>
                ))}
              </select>
            </div>
          </div>
        </div>
      ) : (
        <p class="slds-text-body_small slds-text-color_weak slds-m-top_x-small">
          {t('Switchboard_Audio_SystemSpeaker')}
        </p>
      )}
    </details>
  );
}
