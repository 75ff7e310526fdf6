import { useState } from 'preact/hooks';
import type { ViewActions } from './actions';
import { ButtonIcon } from './icon';
import { t } from '../i18n/labels';

export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export function Keypad({
  onKey,
  idPrefix,
  label,
  keyLabel
}: {
  onKey: (key: string) => void;
  idPrefix: string;
  label: string;
  /** Each key's accessible name, e.g. "Dial pad 5" (word order is the label's). */
  keyLabel: (key: string) => string;
}) {
  return (
    <div class="sb-keypad" role="group" aria-label={label}>
      {KEYS.map((k) => (
        <button
          type="button"
          class="slds-button slds-button_neutral sb-key"
          data-id={`${idPrefix}-${k}`}
          aria-label={keyLabel(k)}
          onClick={() => onKey(k)}
        >
          {k}
        </button>
      ))}
    </div>
  );
}

export function DialPad({ actions, enabled }: { actions: ViewActions; enabled: boolean }) {
  const [number, setNumber] = useState('');
  const dial = () => {
    if (!enabled) return;
    actions.dispatch({ type: 'DIAL_REQUESTED', callId: actions.newCallId(), input: number, context: null });
  };
  return (
    <form
      class="slds-p-around_small sb-dialpad"
      data-id="dial-form"
      onSubmit={(e) => {
        e.preventDefault();
        dial();
      }}
    >
      <div class="slds-form-element">
        <label class="slds-form-element__label" for="sb-dial-input">
          {t('Switchboard_Dial_NumberLabel')}
        </label>
        <div class="slds-form-element__control">
          <input
            id="sb-dial-input"
            class="slds-input"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={64}
            data-id="dial-input"
            placeholder={t('Switchboard_Dial_Placeholder')}
            value={number}
            onInput={(e) => setNumber((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <Keypad
        idPrefix="key"
        label={t('Switchboard_Dial_Pad')}
        keyLabel={(key) => t('Switchboard_Dial_PadKey', { key })}
        onKey={(k) => setNumber((n) => (n + k).slice(0, 64))}
      />
      <button
        type="submit"
        class="slds-button slds-button_success slds-button_stretch sb-call-button"
        data-id="dial-button"
        disabled={!enabled || number.trim() === ''}
      >
        <ButtonIcon name="call" />
        {t('Switchboard_Dial_Call')}
      </button>
    </form>
  );
}
