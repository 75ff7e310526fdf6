import { useState } from 'preact/hooks';
import type { Call, Phase } from '../call/types';
import type { ViewActions } from './actions';
import { CallQualityIndicator } from './call-quality';
import { CallerRecords } from './caller-records';
import { Keypad } from './dial-pad';
import { ButtonIcon } from './icon';
import { t, type PlainLabelName } from '../i18n/labels';
import { formatDuration, formatPhoneNumber } from '../i18n/formats';
import { shownNumber } from './shown-number';

const PHASE_TEXT: Partial<Record<Phase, PlainLabelName>> = {
  dialing: 'Switchboard_Call_StateDialing',
  ringing: 'Switchboard_Call_StateIncoming',
  connected: 'Switchboard_Call_StateConnected',
  held: 'Switchboard_Call_StateOnHold'
};

function phaseText(phase: Phase): string {
  const label = PHASE_TEXT[phase];
  return label ? t(label) : phase;
}

function Party({ call }: { call: Call }) {
  const who = call.who ?? call.what;
  return (
    <div class="sb-party">
      <p class="slds-text-heading_small sb-party-name" data-id="caller-name">
        {who?.name ?? call.callerName ?? shownNumber(call)}
      </p>
      <p class="slds-text-body_regular slds-text-color_weak" data-id="caller-number">
        {shownNumber(call)}
      </p>
    </div>
  );
}

export function IncomingCall({ call, actions }: { call: Call; actions: ViewActions }) {
  return (
    <section
      class="slds-p-around_small sb-incoming"
      data-id="incoming-banner"
      aria-label={t('Switchboard_Call_StateIncoming')}
    >
      <p class="slds-text-title_caps" data-id="call-state">
        {t('Switchboard_Call_StateIncoming')}
      </p>
      <Party call={call} />
      <CallerRecords call={call} actions={actions} />
      <div class="slds-grid slds-gutters_xx-small slds-m-top_small">
        <div class="slds-col">
          <button
            type="button"
            class="slds-button slds-button_success slds-button_stretch"
            data-id="answer-button"
            onClick={() => actions.dispatch({ type: 'ANSWER' })}
          >
            <ButtonIcon name="call" />
            {t('Switchboard_Call_Answer')}
          </button>
        </div>
        <div class="slds-col">
          <button
            type="button"
            class="slds-button slds-button_destructive slds-button_stretch"
            data-id="decline-button"
            onClick={() => actions.dispatch({ type: 'DECLINE' })}
          >
            <ButtonIcon name="end_call" />
            {t('Switchboard_Call_Decline')}
          </button>
        </div>
      </div>
    </section>
  );
}

function TransferForm({ call, actions }: { call: Call; actions: ViewActions }) {
  const [target, setTarget] = useState('');
  if (call.transferTo) {
    return (
      <p class="slds-m-top_x-small slds-text-body_small" data-id="transfer-status" role="status">
        {t('Switchboard_Call_Transferring', {
          number: formatPhoneNumber(call.transferTo) ?? call.transferTo
        })}
      </p>
    );
  }
  return (
    <form
      class="slds-m-top_x-small slds-grid"
      data-id="transfer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (target.trim()) actions.dispatch({ type: 'TRANSFER', target });
      }}
    >
      <label class="slds-assistive-text" for="sb-transfer">
        {t('Switchboard_Call_TransferNumber')}
      </label>
      <input
        id="sb-transfer"
        class="slds-input slds-col"
        type="tel"
        maxLength={64}
        placeholder={t('Switchboard_Call_TransferPlaceholder')}
        data-id="transfer-input"
        value={target}
        onInput={(e) => setTarget((e.target as HTMLInputElement).value)}
      />
      <button
        type="submit"
        class="slds-button slds-button_neutral slds-m-left_xx-small sb-transfer-button"
        data-id="transfer-button"
        disabled={!target.trim()}
      >
        {t('Switchboard_Call_Transfer')}
      </button>
    </form>
  );
}

export function ActiveCall({
  call,
  phase,
  now,
  actions
}: {
  call: Call;
  phase: Phase;
  now: number;
  actions: ViewActions;
}) {
  const [keypad, setKeypad] = useState(false);
  const live = phase === 'connected' || phase === 'held';
  return (
    <section
      class="slds-p-around_small sb-active"
      data-id="call-panel"
      aria-label={t('Switchboard_Call_Current')}
    >
      <div class="slds-grid slds-grid_align-spread">
        <p class="slds-text-title_caps" data-id="call-state" data-phase={phase}>
          {phaseText(phase)}
        </p>
        {live && call.connectedAt !== null ? (
          <p
            class="slds-text-title sb-timer"
            data-id="call-timer"
            aria-label={t('Switchboard_Call_Duration')}
          >
            {formatDuration(now - call.connectedAt)}
          </p>
        ) : null}
      </div>
      <Party call={call} />
      <CallerRecords call={call} actions={actions} />
      {live ? <CallQualityIndicator quality={call.quality} /> : null}
      {live ? (
        <div
          class="slds-grid slds-wrap slds-gutters_xx-small slds-m-top_small sb-controls"
          role="group"
          aria-label={t('Switchboard_Call_Controls')}
        >
          <div class="slds-col slds-size_1-of-3">
            <button
              type="button"
              class={`slds-button slds-button_stretch ${call.held ? 'slds-button_brand' : 'slds-button_neutral'}`}
              data-id="hold-button"
              aria-pressed={call.held}
              onClick={() => actions.dispatch({ type: 'TOGGLE_HOLD' })}
            >
              <ButtonIcon name={call.held ? 'play' : 'pause'} />
              {t(call.held ? 'Switchboard_Call_Resume' : 'Switchboard_Call_Hold')}
            </button>
          </div>
          <div class="slds-col slds-size_1-of-3">
            <button
              type="button"
              class={`slds-button slds-button_stretch ${call.muted ? 'slds-button_brand' : 'slds-button_neutral'}`}
              data-id="mute-button"
              aria-pressed={call.muted}
              onClick={() => actions.dispatch({ type: 'TOGGLE_MUTE' })}
            >
              <ButtonIcon name={call.muted ? 'muted' : 'unmuted'} />
              {t(call.muted ? 'Switchboard_Call_Unmute' : 'Switchboard_Call_Mute')}
            </button>
          </div>
          <div class="slds-col slds-size_1-of-3">
            <button
              type="button"
              class={`slds-button slds-button_stretch ${keypad ? 'slds-button_brand' : 'slds-button_neutral'}`}
              data-id="keypad-toggle"
              aria-pressed={keypad}
              aria-expanded={keypad}
              onClick={() => setKeypad((k) => !k)}
            >
              <ButtonIcon name="keypad" />
              {t('Switchboard_Call_Keypad')}
            </button>
          </div>
        </div>
      ) : null}
      {live && keypad ? (
        <Keypad
          idPrefix="dtmf"
          label={t('Switchboard_Call_SendTone')}
          keyLabel={(key) => t('Switchboard_Call_SendToneKey', { key })}
          onKey={(k) => actions.dispatch({ type: 'DTMF', tones: k })}
        />
      ) : null}
      {phase === 'connected' ? <TransferForm call={call} actions={actions} /> : null}
      <button
        type="button"
        class="slds-button slds-button_destructive slds-button_stretch slds-m-top_small"
        data-id="hangup-button"
        onClick={() => actions.dispatch({ type: 'HANGUP' })}
      >
        <ButtonIcon name="end_call" />
        {t(phase === 'dialing' ? 'Switchboard_Call_Cancel' : 'Switchboard_Call_HangUp')}
      </button>
    </section>
  );
}
