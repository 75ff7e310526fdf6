import type { Call } from '../call/types';
import type { ViewActions } from './actions';
import { CallerRecords } from './caller-records';
import { t } from '../i18n/labels';
import { formatDuration } from '../i18n/formats';
import { EMPHASIS_SLOT, Emphasized } from './emphasis';
import { shownNumber } from './shown-number';

export function WrapUp({
  call,
  dispositions,
  actions
}: {
  call: Call;
  dispositions: string[];
  actions: ViewActions;
}) {
  const edit = (patch: { disposition?: string; notes?: string }) =>
    actions.dispatch({
      type: 'WRAP_UP_EDITED',
      disposition: patch.disposition ?? call.disposition,
      notes: patch.notes ?? call.notes
    });
  const duration =
    call.connectedAt !== null && call.endedAt !== null
      ? formatDuration(call.endedAt - call.connectedAt)
      : null;
  const options =
    dispositions.includes(call.disposition) || !call.disposition
      ? dispositions
      : [call.disposition, ...dispositions];
  return (
    <form
      class="slds-p-around_small sb-wrapup"
      data-id="wrapup-form"
      aria-label={t('Switchboard_WrapUp_Title')}
      onSubmit={(e) => {
        e.preventDefault();
        actions.dispatch({ type: 'SUBMIT_WRAP_UP' });
      }}
    >
      <p class="slds-text-title_caps" data-id="call-state" data-phase="wrapUp">
        {t('Switchboard_WrapUp_Title')}
      </p>
      <p class="slds-text-body_regular">
        <Emphasized
          text={t('Switchboard_WrapUp_Party', { direction: call.direction, party: EMPHASIS_SLOT })}
          value={call.who?.name ?? call.what?.name ?? shownNumber(call)}
        />
        {duration ? (
          <span class="slds-text-color_weak"> · {duration}</span>
        ) : (
          <span class="slds-text-color_weak"> · {t('Switchboard_WrapUp_NotConnected')}</span>
        )}
      </p>
      <CallerRecords call={call} actions={actions} />
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-disposition">
          <abbr class="slds-required" title={t('Switchboard_WrapUp_Required')}>
            *{' '}
          </abbr>
          {t('Switchboard_WrapUp_Result')}
        </label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="sb-disposition"
              class="slds-select"
              data-id="disposition"
              required
              value={call.disposition}
              onChange={(e) => edit({ disposition: (e.target as HTMLSelectElement).value })}
            >
              {options.map((d) => (
                <option value={d}>{d}</option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-notes">
          {t('Switchboard_WrapUp_Notes')}
        </label>
        <div class="slds-form-element__control">
          <textarea
            id="sb-notes"
            class="slds-textarea"
            data-id="notes"
            rows={3}
            maxLength={30_000}
            value={call.notes}
            onInput={(e) => edit({ notes: (e.target as HTMLTextAreaElement).value })}
          />
        </div>
      </div>
      <button
        type="submit"
        class="slds-button slds-button_brand slds-button_stretch slds-m-top_small"
        data-id="save-log"
      >
        {t('Switchboard_WrapUp_Save')}
      </button>
    </form>
  );
}
