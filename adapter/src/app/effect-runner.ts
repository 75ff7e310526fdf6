import type { Effect, EventInput, TaskLogValue } from '../call/types';
import { describeError, fireAndLog } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import { agentText } from '../opencti/open-cti-error';
import type { HostPort } from '../opencti/port';
import { matchesFrom } from '../screenpop/matches';
import type { TelephonyProvider } from '../telephony/provider';
import { t } from '../i18n/labels';

export interface EffectContext {
  host: Pick<HostPort, 'setSoftphonePanelVisibility' | 'searchAndScreenPop' | 'screenPop' | 'refreshView'>;
  logger: Logger;
  /** The connected line; null while logged out (its commands then fail loudly). */
  provider: TelephonyProvider | null;
  /** Answers that come back (search results, failures) go to the machine as events. */
  dispatch: (event: EventInput) => void;
  /** The machine's saveLog effect, for log delivery. */
  saveLog: (callId: string, value: TaskLogValue) => void;
}

/** Carries out one effect of the machine: a line command, a host call, or a log for delivery. */
export function runEffect(effect: Effect, ctx: EffectContext): void {
  const { host, logger, dispatch } = ctx;
  const provider = ctx.provider ?? DISCONNECTED;
  const fail = (action: Effect['type']) => (error: unknown) => {
    logger.error(`${action} failed`, describeError(error));
    const text = t('Switchboard_Effect_Failed', { action, error: agentText(error) });
    dispatch({ type: 'NOTICE', notice: { kind: 'error', text } });
  };
  try {
    switch (effect.type) {
      case 'dial':
        return provider.dial({ callId: effect.callId, number: effect.number });
      case 'answer':
        return provider.answer(effect.callId);
      case 'decline':
        return provider.decline(effect.callId);
      case 'hangup':
        return provider.hangup(effect.callId);
      case 'hold':
        return provider.setHold(effect.callId, effect.held);
      case 'mute':
        return provider.setMute(effect.callId, effect.muted);
      case 'dtmf':
        return provider.sendDtmf(effect.callId, effect.tones);
      case 'transfer':
        void provider.transfer(effect.callId, effect.number).catch((error: unknown) => {
          logger.warn('transfer failed', describeError(error));
          dispatch({ type: 'TRANSFER_FAILED', callId: effect.callId, reason: describeError(error) });
        });
        return;
      case 'showPanel':
        void host.setSoftphonePanelVisibility(true).catch(fail('showPanel'));
        return;
      case 'searchCaller':
        void host
          .searchAndScreenPop({ searchParams: effect.number, callType: effect.direction, deferred: true })
          .then((result) =>
            dispatch({ type: 'SCREEN_POP_RESULT', callId: effect.callId, matches: matchesFrom(result) })
          )
          .catch((error: unknown) => {
            logger.warn('Caller search failed', describeError(error));
            dispatch({ type: 'SCREEN_POP_FAILED', callId: effect.callId, error: agentText(error) });
          });
        return;
      case 'screenPop':
        void host.screenPop(effect.pop).catch(fail('screenPop'));
        return;
      case 'saveLog':
        return ctx.saveLog(effect.callId, effect.value);
      case 'refreshView':
        return fireAndLog(logger, 'refreshView', host.refreshView());
    }
  } catch (error) {
    // A provider that throws must not take the softphone down with it.
    fail(effect.type)(error);
  }
}

/** Stands in while no line is connected: every command fails loudly instead of vanishing. */
const DISCONNECTED: TelephonyProvider = new Proxy({} as TelephonyProvider, {
  get: () => () => {
    throw new Error('the phone line is not connected');
  }
});
