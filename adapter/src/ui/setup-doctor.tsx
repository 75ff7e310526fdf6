import { useEffect, useRef } from 'preact/hooks';
import type { CheckId, CheckStatus, DoctorView, MessageValues } from '../doctor/types';
import { t, type LabelName } from '../i18n/labels';

const CHECK_NAME: Record<CheckId, LabelName> = {
  'open-cti': 'Switchboard_Doctor_NameOpenCti',
  settings: 'Switchboard_Doctor_NameSettings',
  'round-trip': 'Switchboard_Doctor_NameRoundTrip',
  apex: 'Switchboard_Doctor_NameApex',
  'task-access': 'Switchboard_Doctor_NameTaskAccess',
  'microphone-permission': 'Switchboard_Doctor_NameMicPermission',
  'microphone-device': 'Switchboard_Doctor_NameMicDevice',
  'permissions-policy': 'Switchboard_Doctor_NamePolicy',
  'pbx-websocket': 'Switchboard_Doctor_NameWebSocket',
  'sip-registration': 'Switchboard_Doctor_NameSip',
  'stun-turn': 'Switchboard_Doctor_NameStunTurn',
  sound: 'Switchboard_Doctor_NameSound',
  browser: 'Switchboard_Doctor_NameBrowser'
};

const STATUS: Record<CheckStatus, { label: LabelName; theme: string }> = {
  pass: { label: 'Switchboard_Doctor_StatusPass', theme: 'slds-theme_success' },
  warning: { label: 'Switchboard_Doctor_StatusWarning', theme: 'slds-theme_warning' },
  fail: { label: 'Switchboard_Doctor_StatusFail', theme: 'slds-theme_error' },
  skip: { label: 'Switchboard_Doctor_StatusSkip', theme: '' }
};

/** A finding's label with its values; which values a label reads is the label's own business. */
const say = t as (name: LabelName, values?: MessageValues) => string;

/** "Check setup": the doctor's button, its list of checks (one item each) and the report for support. */
export function SetupDoctor({ doctor }: { doctor: DoctorView | null | undefined }) {
  if (!doctor) return null;
  const running = doctor.status === 'running';
  const results = doctor.rows.flatMap((row) => (row.result ? [row.result] : []));
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  return (
    <section
      class="slds-p-horizontal_small slds-p-bottom_small sb-doctor"
      data-id="setup-doctor"
      data-sound-probe={doctor.soundProbe}
    >
      <div class="slds-grid slds-grid_vertical-align-center slds-wrap sb-doctor__actions">
        <button
          type="button"
          class="slds-button slds-button_neutral"
          data-id="doctor-run"
          disabled={running}
          onClick={() => doctor.run()}
        >
          {t('Switchboard_Doctor_Button')}
        </button>
        {doctor.status === 'done' ? (
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="doctor-copy"
            onClick={() => doctor.copyReport()}
          >
            {t('Switchboard_Doctor_CopyReport')}
          </button>
        ) : null}
        {doctor.status !== 'idle' ? (
          <button
            type="button"
            class="slds-button slds-button_neutral"
            data-id="doctor-close"
            onClick={() => doctor.close()}
          >
            {t('Switchboard_Doctor_Close')}
          </button>
        ) : null}
      </div>
      <p class="slds-text-body_small slds-m-top_x-small" role="status" data-id="doctor-summary">
        {running ? t('Switchboard_Doctor_Running') : null}
        {doctor.status === 'done'
          ? say('Switchboard_Doctor_Summary', { fail: count('fail'), warning: count('warning') })
          : null}
      </p>
      {doctor.rows.length > 0 ? (
        <ul
          class="slds-has-dividers_bottom-space sb-doctor__list"
          aria-label={t('Switchboard_Doctor_Title')}
          data-id="doctor-results"
          // The list scrolls inside the panel: focusable, so keyboard users can scroll it too.
          tabIndex={0}
        >
          {doctor.rows.map(({ id, anchor, result }) => (
            <li class="slds-item" key={id} data-id={id} data-status={result?.status ?? 'pending'}>
              <div class="slds-grid slds-grid_vertical-align-center">
                {result ? (
                  <span class={`slds-badge ${STATUS[result.status].theme} sb-doctor__status`}>
                    {say(STATUS[result.status].label)}
                  </span>
                ) : null}
                <span class="slds-text-title_bold">{say(CHECK_NAME[id])}</span>
              </div>
              <p class="slds-text-body_small" data-id="doctor-message">
                {result ? say(result.message, result.values) : t('Switchboard_Doctor_Pending')}
              </p>
              {result && result.status !== 'pass' ? (
                <GuideLink url={doctor.guideUrl} anchor={anchor} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <CopyOutcome doctor={doctor} />
    </section>
  );
}

function GuideLink({ url, anchor }: { url: string | null; anchor: string }) {
  if (url === null)
    return (
      <p class="slds-text-body_small slds-text-color_weak" data-id="doctor-guide">
        {say('Switchboard_Doctor_GuideSection', { section: `docs/admin-guide.md#${anchor}` })}
      </p>
    );
  return (
    <a
      class="slds-text-body_small"
      data-id="doctor-guide"
      href={`${url}#${anchor}`}
      target="_blank"
      rel="noopener noreferrer"
    >
      {t('Switchboard_Doctor_GuideLink')}
    </a>
  );
}

/** After "Copy report": a confirmation, or the report selected in a box when the clipboard was refused. */
function CopyOutcome({ doctor }: { doctor: DoctorView }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (doctor.copy === 'manual') box.current?.select();
  }, [doctor.copy, doctor.report]);
  if (doctor.copy === 'copied')
    return (
      <p class="slds-text-body_small" role="status" data-id="doctor-copied">
        {t('Switchboard_Doctor_Copied')}
      </p>
    );
  if (doctor.copy !== 'manual' || doctor.report === null) return null;
  return (
    <div class="slds-form-element slds-m-top_x-small">
      <p class="slds-text-body_small" role="status" data-id="doctor-copied">
        {t('Switchboard_Doctor_CopyManual')}
      </p>
      <textarea
        ref={box}
        class="slds-textarea sb-doctor__report"
        data-id="doctor-report"
        aria-label={t('Switchboard_Doctor_ReportLabel')}
        readOnly
        rows={8}
        value={doctor.report}
      />
    </div>
  );
}
