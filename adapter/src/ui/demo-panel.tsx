import { useState } from 'preact/hooks';
import type { Phase } from '../call/types';
import type { FarEndOutcome, ViewActions } from './actions';
import { t, type PlainLabelName } from '../i18n/labels';

/** Numbers that match the sample data an admin is likely to have, plus one that matches nothing. */
export const SAMPLE_CALLERS: Array<{ label: PlainLabelName; number: string }> = [
  { label: 'Switchboard_Demo_SampleKnown', number: '+1 415 555 0101' },
  { label: 'Switchboard_Demo_SampleShared', number: '+1 415 555 0199' },
  { label: 'Switchboard_Demo_SampleUnknown', number: '+1 212 555 0142' },
  { label: 'Switchboard_Demo_SampleInternational', number: '+44 20 7946 0018' }
];

const OUTCOMES: Array<{ value: FarEndOutcome; label: PlainLabelName }> = [
  { value: 'answer', label: 'Switchboard_Demo_OutcomeAnswer' },
  { value: 'busy', label: 'Switchboard_Demo_OutcomeBusy' },
  { value: 'no-answer', label: 'Switchboard_Demo_OutcomeNoAnswer' }
];

/** The far end of the demo line: lets anyone try the whole flow with no phone system. */
export function DemoPanel({ actions, phase }: { actions: ViewActions; phase: Phase }) {
  const demo = actions.demo;
  const [from, setFrom] = useState(SAMPLE_CALLERS[0]?.number ?? '');
  const [outcome, setOutcome] = useState<FarEndOutcome>(demo?.nextOutcome() ?? 'answer');
  if (!demo) return null;
  // During a call the far end's only useful control is hanging up, so it stays in view.
  if (phase === 'connected' || phase === 'held') {
    return (
      <section
        class="slds-p-horizontal_small slds-p-bottom_small sb-demo"
        data-id="demo-panel"
        aria-label={t('Switchboard_Line_Demo')}
      >
        <p class="slds-text-title_caps slds-m-bottom_xx-small">{t('Switchboard_Line_Demo')}</p>
        <button
          type="button"
          class="slds-button slds-button_text-destructive"
          data-id="demo-remote-hangup"
          onClick={() => demo.simulateRemoteHangup()}
        >
          {t('Switchboard_Demo_RemoteHangup')}
        </button>
        <button
          type="button"
          class="slds-button slds-m-left_small"
          data-id="demo-ring-second"
          onClick={() => demo.simulateInbound(SAMPLE_CALLERS[1]?.number ?? '+1 415 555 0199')}
        >
          {t('Switchboard_Demo_RingSecond')}
        </button>
      </section>
    );
  }
  return (
    <details
      class="slds-p-horizontal_small slds-p-bottom_small sb-demo"
      data-id="demo-panel"
      open={phase === 'idle'}
    >
      <summary class="slds-text-title_caps">{t('Switchboard_Line_Demo')}</summary>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-demo-from">
          {t('Switchboard_Demo_InboundFrom')}
        </label>
        <div class="slds-form-element__control slds-grid">
          <input
            id="sb-demo-from"
            class="slds-input slds-col"
            type="tel"
            maxLength={64}
            data-id="demo-inbound-number"
            value={from}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
          />
          <button
            type="button"
            class="slds-button slds-button_neutral slds-m-left_xx-small"
            data-id="demo-inbound-button"
            onClick={() => demo.simulateInbound(from)}
          >
            {t('Switchboard_Demo_RingMe')}
          </button>
        </div>
        <div class="slds-m-top_xx-small sb-samples" role="group" aria-label={t('Switchboard_Demo_Samples')}>
          {SAMPLE_CALLERS.map((s, i) => (
            <button
              type="button"
              class="slds-button slds-button_outline-brand sb-sample"
              data-id={`demo-sample-${i}`}
              onClick={() => setFrom(s.number)}
            >
              {t(s.label)}
            </button>
          ))}
        </div>
      </div>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-demo-outcome">
          {t('Switchboard_Demo_NextOutcome')}
        </label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="sb-demo-outcome"
              class="slds-select"
              data-id="demo-outcome"
              value={outcome}
              onChange={(e) => {
                const value = (e.target as HTMLSelectElement).value as FarEndOutcome;
                setOutcome(value);
                demo.setNextOutcome(value);
              }}
            >
              {OUTCOMES.map((o) => (
                <option value={o.value}>{t(o.label)}</option>
              ))}
            </select>
          </div>
        </div>
      </div>
    </details>
  );
}
