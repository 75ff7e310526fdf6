import { useState } from 'preact/hooks';
import type { LineView } from './actions';
import { t } from '../i18n/labels';

/** The agent's own SIP account, entered here and kept in memory (or on this device, if they choose). */
export function SipLogin({ line }: { line: LineView }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const busy = line.status === 'connecting';
  const allowRemember = line.allowRemember !== false;
  return (
    <form
      class="slds-p-around_small sb-login"
      data-id="sip-login"
      aria-label={t('Switchboard_Sip_LoginForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && user.trim() && password)
          line.login({ user: user.trim(), password }, remember && allowRemember);
      }}
    >
      <p class="slds-text-title_caps slds-m-bottom_x-small">{t('Switchboard_Sip_LoginTitle')}</p>
      {line.error ? (
        <div class="slds-text-color_error slds-m-bottom_x-small" role="alert" data-id="login-error">
          {line.error}
        </div>
      ) : null}
      <div class="slds-form-element">
        <label class="slds-form-element__label" for="sb-sip-user">
          {t('Switchboard_Sip_User')}
        </label>
        <div class="slds-form-element__control">
          <input
            id="sb-sip-user"
            class="slds-input"
            data-id="sip-user"
            autoComplete="username"
            maxLength={128}
            required
            value={user}
            onInput={(e) => setUser((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <div class="slds-form-element slds-m-top_x-small">
        <label class="slds-form-element__label" for="sb-sip-password">
          {t('Switchboard_Sip_Password')}
        </label>
        <div class="slds-form-element__control">
          <input
            id="sb-sip-password"
            class="slds-input"
            type="password"
            data-id="sip-password"
            autoComplete="current-password"
            maxLength={256}
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      {allowRemember ? (
        <div class="slds-form-element slds-m-top_x-small">
          <div class="slds-checkbox">
            <input
              type="checkbox"
              id="sb-sip-remember"
              data-id="sip-remember"
              checked={remember}
              onChange={(e) => setRemember((e.target as HTMLInputElement).checked)}
            />
            <label class="slds-checkbox__label" for="sb-sip-remember">
              <span class="slds-checkbox_faux" />
              <span class="slds-form-element__label">{t('Switchboard_Sip_Remember')}</span>
            </label>
          </div>
        </div>
      ) : null}
      <button
        type="submit"
        class="slds-button slds-button_brand slds-button_stretch slds-m-top_small"
        data-id="sip-login-button"
        disabled={busy}
      >
        {t(busy ? 'Switchboard_Sip_Connecting' : 'Switchboard_Sip_LogIn')}
      </button>
    </form>
  );
}
