import { useEffect, useState } from 'preact/hooks';
import type { LineView } from './actions';

/** How long the leading tab has to hand over before the agent is told why nothing happened. */
export const TAKE_OVER_ANSWER_MS = 3000;

/**
 * This tab mirrors the phone another Salesforce tab owns; its buttons act on that phone. Asking
 * for the phone always visibly does something: the banner goes away when this tab leads, and
 * otherwise says why the other tab kept it (it hands over only while no call is up).
 */
export function ElsewhereBanner({ line }: { line: LineView }) {
  const [asked, setAsked] = useState<'no' | 'waiting' | 'kept'>('no');
  useEffect(() => {
    if (asked !== 'waiting') return undefined;
    const timer = setTimeout(() => setAsked('kept'), TAKE_OVER_ANSWER_MS);
    return () => clearTimeout(timer);
  }, [asked]);
  const ask = () => {
    setAsked('waiting');
    line.takeOver();
  };
  return (
    <div
      class="slds-p-horizontal_small slds-p-vertical_x-small slds-theme_shade"
      data-id="elsewhere"
      role="status"
    >
      <p class="slds-text-body_small">
        The phone is active in another Salesforce tab. Calls and logs are handled there; this tab shows and
        controls the same phone.
      </p>
      <button
        type="button"
        class="slds-button slds-m-top_xx-small"
        data-id="take-over"
        disabled={asked === 'waiting'}
        onClick={ask}
      >
        {asked === 'waiting' ? 'Asking the other tab…' : 'Use the phone in this tab'}
      </button>
      {asked === 'kept' ? (
        <p class="slds-text-body_small slds-m-top_xx-small" data-id="take-over-kept">
          The other tab kept the phone: it hands it over only when no call is up. Finish the call there (or
          close that tab), then try again.
        </p>
      ) : null}
    </div>
  );
}
