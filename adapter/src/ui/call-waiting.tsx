import type { MachineState } from '../call/types';
import type { ViewActions } from './actions';
import { ButtonIcon } from './icon';
import { t } from '../i18n/labels';
import { shownNumber } from './shown-number';
import { EMPHASIS_SLOT, Emphasized } from './emphasis';

/** A second caller while the agent is on a call, and the caller they put on hold to take it. */
export function CallWaiting({ state, actions }: { state: MachineState; actions: ViewActions }) {
  const { waiting, parked } = state;
  return (
    <>
      {waiting ? (
        <section
          class="slds-p-around_small slds-theme_shade sb-waiting"
          data-id="waiting-banner"
          aria-label={t('Switchboard_Waiting_Title')}
          role="alert"
        >
          <p class="slds-text-title_caps">{t('Switchboard_Waiting_Title')}</p>
          <p class="slds-text-heading_small" data-id="waiting-caller">
            {waiting.callerName ?? shownNumber(waiting)}
          </p>
          {waiting.callerName ? <p class="slds-text-color_weak">{shownNumber(waiting)}</p> : null}
          <div class="slds-grid slds-gutters_xx-small slds-m-top_x-small">
            <div class="slds-col">
              <button
                type="button"
                class="slds-button slds-button_success slds-button_stretch"
                data-id="answer-waiting"
                onClick={() => actions.dispatch({ type: 'ANSWER_WAITING' })}
              >
                <ButtonIcon name="call" />
                {t('Switchboard_Waiting_HoldAndAnswer')}
              </button>
            </div>
            <div class="slds-col">
              <button
                type="button"
                class="slds-button slds-button_destructive slds-button_stretch"
                data-id="decline-waiting"
                onClick={() => actions.dispatch({ type: 'DECLINE_WAITING' })}
              >
                {t('Switchboard_Call_Decline')}
              </button>
            </div>
          </div>
        </section>
      ) : null}
      {parked ? (
        <p class="slds-p-horizontal_small slds-p-top_x-small slds-text-body_small" data-id="parked-call">
          <Emphasized
            text={t('Switchboard_Waiting_Parked', { caller: EMPHASIS_SLOT })}
            value={parked.who?.name ?? parked.callerName ?? shownNumber(parked)}
          />
        </p>
      ) : null}
    </>
  );
}
