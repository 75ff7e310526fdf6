import type { Call } from '../call/types';
import type { ViewActions } from './actions';

/** The screen-pop outcome for a call: the matched record, a picker for several, or ways to find/create one. */
export function CallerRecords({ call, actions }: { call: Call; actions: ViewActions }) {
  const pop = call.screenPop;
  const chosen = call.who ?? call.what;
  if (pop.status === 'searching') {
    return (
      <p class="slds-text-body_small slds-text-color_weak" data-id="records-searching">
        Looking up the caller…
      </p>
    );
  }
  if (pop.status === 'failed') {
    return (
      <p class="slds-text-body_small slds-text-color_error" data-id="records-failed">
        Caller lookup failed: {pop.error}
      </p>
    );
  }
  const matches = pop.status === 'found' ? pop.matches : [];
  if (matches.length > 1) {
    return (
      <fieldset class="slds-form-element slds-m-top_x-small" data-id="match-list">
        <legend class="slds-form-element__legend slds-form-element__label">
          {matches.length} records match this number — log the call against:
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
                  <span class="slds-text-body_small slds-text-color_weak"> {m.objectType ?? ''}</span>
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
        {chosen.objectType ?? 'Record'}: <strong>{chosen.name ?? chosen.id}</strong>
      </p>
    );
  }
  if (pop.status === 'found' && matches.length === 0) {
    return (
      <div class="slds-m-top_x-small" data-id="no-match">
        <p class="slds-text-body_small slds-m-bottom_xx-small">No record matches this number.</p>
        <div class="slds-button-group" role="group">
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-search"
            onClick={() => actions.dispatch({ type: 'POP_SEARCH' })}
          >
            Search
          </button>
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-new-contact"
            onClick={() => actions.dispatch({ type: 'POP_NEW_RECORD', entityName: 'Contact' })}
          >
            New Contact
          </button>
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="pop-new-lead"
            onClick={() => actions.dispatch({ type: 'POP_NEW_RECORD', entityName: 'Lead' })}
          >
            New Lead
          </button>
        </div>
      </div>
    );
  }
  return null;
}
