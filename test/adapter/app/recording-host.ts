import type { HostPort } from '../../../adapter/src/opencti/port';
import type { CallCenterSettings, ClickToDialPayload } from '../../../adapter/src/opencti/types';

export interface HostCall {
  method: string;
  arg?: unknown;
}

/**
 * A host that records every call in order, lets a test fail saveLog on demand, and answers
 * getCallCenterSettings when the test says (`answerSettings`), so a test can see what start-up does
 * while Lightning is still answering.
 */
export function recordingHost(options: { settings?: CallCenterSettings; holdSettings?: boolean } = {}) {
  const calls: HostCall[] = [];
  let clickListener: ((p: ClickToDialPayload) => void) | null = null;
  let channelListener: ((m: unknown) => void) | null = null;
  const failures = { saveLog: 0 };
  let taskSeq = 0;
  let answerSettings: () => void = () => undefined;
  const settingsAnswered = new Promise<void>((resolve) => {
    answerSettings = resolve;
    if (!options.holdSettings) resolve();
  });
  const note = (method: string, arg?: unknown) => {
    calls.push({ method, arg });
    return Promise.resolve();
  };
  const host: HostPort = {
    enableClickToDial: () => note('enableClickToDial'),
    disableClickToDial: () => note('disableClickToDial'),
    onClickToDial: (l) => {
      calls.push({ method: 'onClickToDial' });
      clickListener = l;
    },
    screenPop: (pop) => note('screenPop', pop),
    searchAndScreenPop: async (args) => {
      calls.push({ method: 'searchAndScreenPop', arg: args });
      return { '003000000000001AAA': { Id: '003000000000001AAA', Name: 'Ada', RecordType: 'Contact' } };
    },
    saveLog: async (value) => {
      calls.push({ method: 'saveLog', arg: value });
      if (failures.saveLog > 0) {
        failures.saveLog -= 1;
        throw new Error('Required fields are missing: [Subject]');
      }
      taskSeq += 1;
      return `00T00000000000${taskSeq}AAA`.padEnd(18, 'A');
    },
    getCallCenterSettings: async () => {
      calls.push({ method: 'getCallCenterSettings' });
      await settingsAnswered;
      return { ...options.settings };
    },
    refreshView: () => note('refreshView'),
    runApex: async () => '',
    notifyInitializationComplete: () => note('notifyInitializationComplete'),
    setSoftphonePanelHeight: (h) => note('setSoftphonePanelHeight', h),
    setSoftphonePanelWidth: (w) => note('setSoftphonePanelWidth', w),
    setSoftphonePanelVisibility: (v) => note('setSoftphonePanelVisibility', v),
    setSoftphoneItemLabel: (l) => note('setSoftphoneItemLabel', l),
    setSoftphoneItemIcon: (k) => note('setSoftphoneItemIcon', k),
    subscribe: async (channel, l) => {
      calls.push({ method: 'subscribe', arg: channel });
      channelListener = l;
      return {};
    },
    publish: (_channel, message) => note('publish', message)
  };
  return {
    host,
    calls,
    failures,
    answerSettings: () => answerSettings(),
    click: (p: ClickToDialPayload) => clickListener?.(p),
    channel: (m: unknown) => channelListener?.(m)
  };
}

export const methods = (calls: HostCall[]) => calls.map((c) => c.method);
