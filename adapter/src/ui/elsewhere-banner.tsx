import { useEffect, useState } from 'preact/hooks';
import type { LineView } from './actions';
import { t } from '../i18n/labels';

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
      <p class="slds-text-body_small">{t('Switchboard_Tabs_Elsewhere')}</p>
      <button
        type="button"
        class="slds-button slds-m-top_xx-small"
        data-id="take-over"
        disabled={asked === 'waiting'}
        onClick={ask}
      >
        {t(asked === 'waiting' ? 'Switchboard_Tabs_Asking' : 'Switchboard_Tabs_UseHere')}
      </button>
      {asked === 'kept' ? (
        <p class="slds-text-body_small slds-m-top_xx-small" data-id="take-over-kept">
          {t('Switchboard_Tabs_Kept')}
        </p>
      ) : null}
    </div>
  );
}
