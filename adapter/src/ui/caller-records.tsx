import type { Call } from '../call/types';
import type { ViewActions } from './actions';
import { t } from '../i18n/labels';
import { EMPHASIS_SLOT, Emphasized } from './emphasis';

/** A record's object in the agent's language; an object without a label shows its API name. */
function objectName(objectType: string | null | undefined): string {
  return t('Switchboard_Records_ObjectType', { type: objectType ?? 'none' });
}

/** The screen-pop outcome for a call: the matched record, a picker for several, or ways to find/create one. */
export function CallerRecords({ call, actions }: { call: Call; actions: ViewActions }) {
  const pop = call.screenPop;
  const chosen = call.who ?? call.what;
  if (pop.status === 'searching') {
    return (
      <p class="slds-text-body_small slds-text-color_weak" data-id="records-searching">
        {t('Switchboard_Records_Searching')}
      </p>
    );
  }
  if (pop.status === 'failed') {
    return (
      <p class="slds-text-body_small slds-text-color_error" data-id="records-failed">
        {t('Switchboard_Records_LookupFailed', { error: pop.error })}
      </p>
    );
  }
  const matches = pop.status === 'found' ? pop.matches : [];
  if (matches.length > 1) {
    return (
      <fieldset class="slds-form-element slds-m-top_x-small" data-id="match-list">
        <legend class="slds-form-element__legend slds-form-element__label">
          {t('Switchboard_Records_Several', { count: matches.length })}
        </legend>
        <ul class="slds-has-dividers_around-space">
          {matches.map((m) => {
            const selected = chosen?.id === m.id;
            return (
              <li class={`slds-item sb-match ${selected ? 'sb-match_selected' : ''}`}>
                <button
                  type="button"
                  class="slds-button slds-button_reset sb-match-button"
                  data-id={`match-${m.id}`}
                  aria-pressed={selected}
                  onClick={() => actions.dispatch({ type: 'SELECT_RECORD', recordId: m.id })}
                >
                  <span class="sb-match-name">{m.name ?? m.id}</span>
                  <span class="slds-text-body_small slds-text-color_weak"> {objectName(m.objectType)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  }
  if (chosen) {
    return (
      <p class="slds-text-body_small" data-id="record-chosen">
        <Emphasized
          text={t('Switchboard_Records_Chosen', { type: objectName(chosen.objectType), name: EMPHASIS_SLOT })}
          value={chosen.name ?? chosen.id}
        />
      </p>
    );
  }
  if (pop.status === 'found' && matches.length === 0) {
    return (
      <div class="slds-m-top_x-small" data-id="no-match">
        <p class="slds-text-body_small slds-m-bottom_xx-small">{t('Switchboard_Records_NoMatch')}</p>
        <div class="slds-button-group" role="group">
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-search"
            onClick={() => actions.dispatch({ type: 'POP_SEARCH' })}
          >
            {t('Switchboard_Records_Search')}
          </button>
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-new-contact"
            onClick={() => actions.dispatch({ type: 'POP_NEW_RECORD', entityName: 'Contact' })}
          >
            {t('Switchboard_Records_NewContact')}
          </button>
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-new-lead"
            onClick={() => actions.dispatch({ type: 'POP_NEW_RECORD', entityName: 'Lead' })}
          >
            {t('Switchboard_Records_NewLead')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}
