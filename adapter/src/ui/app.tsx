import { clickToDialEnabled } from '../call/projections';
import type { MachineState } from '../call/types';
import type { LineView, ViewActions } from './actions';
import { AudioSettings } from './audio-settings';
import { CallLogs } from './call-logs';
import { CallWaiting } from './call-waiting';
import { ActiveCall, IncomingCall } from './call-view';
import { DemoPanel } from './demo-panel';
import { DialPad } from './dial-pad';
import { NoticeBanner } from './notice';
import { RingerPrompt, RingtoneSettings } from './ringer-prompt';
import type { RingerView } from './ringer-view';
import { ElsewhereBanner } from './elsewhere-banner';
import { SetupDoctor } from './setup-doctor';
import { SipLogin } from './sip-login';
import { StatusBar } from './status-bar';
import { WrapUp } from './wrap-up';

export interface AppProps {
  state: MachineState;
  now: number;
  line: LineView;
  actions: ViewActions;
  /** The ringer's prompt and ringtone device; absent in views that have no ringer (tests, screenshots). */
  ringer?: RingerView;
}

export function App({ state, now, line, actions, ringer }: AppProps) {
  const call = state.call;
  let main;
  if (state.phase === 'ringing' && call) main = <IncomingCall call={call} actions={actions} />;
  else if ((state.phase === 'dialing' || state.phase === 'connected' || state.phase === 'held') && call)
    main = <ActiveCall call={call} phase={state.phase} now={now} actions={actions} />;
  else if (state.phase === 'wrapUp' && call)
    main = <WrapUp call={call} dispositions={state.dispositions} actions={actions} />;
  else if (line.status === 'loggedOut' || line.status === 'connecting') main = <SipLogin line={line} />;
  else main = <DialPad actions={actions} enabled={clickToDialEnabled(state)} />;
  return (
    <main class="sb-app" data-id="softphone" data-phase={state.phase}>
      <StatusBar state={state} line={line} />
      {line.status === 'elsewhere' ? <ElsewhereBanner line={line} /> : null}
      <NoticeBanner notice={state.notice} actions={actions} />
      <RingerPrompt ringer={ringer} />
      <CallWaiting state={state} actions={actions} />
      {main}
      <CallLogs logs={state.logs} actions={actions} />
      {state.phase === 'idle' ? <AudioSettings line={line} /> : null}
      {state.phase === 'idle' ? <RingtoneSettings ringer={ringer} /> : null}
      <DemoPanel actions={actions} phase={state.phase} />
      {state.phase === 'idle' ? <SetupDoctor doctor={actions.doctor} /> : null}
    </main>
  );
}
