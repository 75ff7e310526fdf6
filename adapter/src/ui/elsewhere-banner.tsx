import type { LineView } from './actions';

/** This tab mirrors the phone another Salesforce tab owns; its buttons act on that phone. */
export function ElsewhereBanner({ line }: { line: LineView }) {
  return (
    <div class="slds-p-horizontal_small slds-p-vertical_x-small slds-theme_shade" data-id="elsewhere" role="status">
      <p class="slds-text-body_small">The phone is active in another Salesforce tab. Calls and logs are handled there; this tab shows and controls the same phone.</p>
      <button type="button" class="slds-button slds-m-top_xx-small" data-id="take-over" onClick={() => line.takeOver()}>
        Use the phone in this tab
      </button>
    </div>
  );
}
