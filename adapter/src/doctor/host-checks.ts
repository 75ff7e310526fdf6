import { agentText } from '../opencti/open-cti-error';
import type { HostPort } from '../opencti/port';
import { parseSettings } from '../settings/settings';
import { askApexAccess, type ApexAccess } from './apex-access';
import { finding, type Check } from './types';

export interface HostCheckDeps {
  /** The Open CTI port, or null when opencti_min.js did not load. */
  host: Pick<HostPort, 'getCallCenterSettings' | 'runApex'> | null;
  /** Whether this page sits in a frame, and its query string (Lightning adds sfdcIframeOrigin). */
  page: { framed: boolean; search: string };
  now: () => number;
}

/** Above this an Open CTI answer is slow enough for agents to notice (clicks feel late). */
export const SLOW_ROUND_TRIP_MS = 1000;

/** Open CTI present and the page framed by Lightning's Phone utility (which adds sfdcIframeOrigin). */
export function openCtiCheck(deps: HostCheckDeps): Check {
  return {
    id: 'open-cti',
    anchor: 'doctor-phone-utility',
    run: () => {
      if (!deps.host) return Promise.resolve(finding('fail', 'Switchboard_Doctor_OpenCtiMissing'));
      const framedByLightning =
        deps.page.framed && new URLSearchParams(deps.page.search).has('sfdcIframeOrigin');
      if (!framedByLightning) return Promise.resolve(finding('fail', 'Switchboard_Doctor_OpenCtiNotFramed'));
      return Promise.resolve(finding('pass', 'Switchboard_Doctor_OpenCtiPass'));
    }
  };
}

/** The call center's settings as they are now (an admin may have fixed them since the page loaded). */
export function settingsCheck(deps: HostCheckDeps): Check {
  return {
    id: 'settings',
    anchor: 'doctor-call-center-settings',
    run: async () => {
      if (!deps.host) return finding('skip', 'Switchboard_Doctor_NeedsOpenCti');
      let raw;
      try {
        raw = await deps.host.getCallCenterSettings();
      } catch (error) {
        return finding('fail', 'Switchboard_Doctor_SettingsUnreadable', { error: agentText(error) });
      }
      const { problems } = parseSettings(raw);
      if (problems.length === 0) return finding('pass', 'Switchboard_Doctor_SettingsPass');
      return finding('fail', 'Switchboard_Doctor_SettingsFail', {
        count: problems.length,
        problems: problems.join(' ')
      });
    }
  };
}

/** One getCallCenterSettings timed: a read with no side effects that travels the same postMessage path as every call. */
export function roundTripCheck(deps: HostCheckDeps): Check {
  return {
    id: 'round-trip',
    anchor: 'doctor-open-cti-round-trip',
    run: async () => {
      if (!deps.host) return finding('skip', 'Switchboard_Doctor_NeedsOpenCti');
      const started = deps.now();
      try {
        await deps.host.getCallCenterSettings();
      } catch (error) {
        return finding('fail', 'Switchboard_Doctor_RoundTripFailed', { error: agentText(error) });
      }
      const ms = Math.round(deps.now() - started);
      if (ms > SLOW_ROUND_TRIP_MS) return finding('warning', 'Switchboard_Doctor_RoundTripSlow', { ms });
      return finding('pass', 'Switchboard_Doctor_RoundTripPass', { ms });
    }
  };
}

/** The Apex service and Task create access: one runApex answers both, so it is asked once. */
export function apexChecks(deps: HostCheckDeps): Check[] {
  let asked: Promise<ApexAccess> | null = null;
  const access = (): Promise<ApexAccess> => {
    if (!deps.host) return Promise.resolve({ kind: 'failed', error: 'no Open CTI' });
    asked ??= askApexAccess(deps.host);
    return asked;
  };
  return [
    {
      id: 'apex',
      anchor: 'doctor-apex-service',
      run: async () => {
        if (!deps.host) return finding('skip', 'Switchboard_Doctor_NeedsOpenCti');
        const answer = await access();
        if (answer.kind === 'missing') return finding('fail', 'Switchboard_Doctor_ApexMissing');
        if (answer.kind === 'failed')
          return finding('fail', 'Switchboard_Doctor_ApexFailed', { error: answer.error });
        return finding('pass', 'Switchboard_Doctor_ApexPass');
      }
    },
    {
      id: 'task-access',
      anchor: 'doctor-task-access',
      run: async () => {
        const answer = await access();
        if (answer.kind !== 'answered') return finding('skip', 'Switchboard_Doctor_TaskAccessUnknown');
        if (!answer.taskCreateable) return finding('fail', 'Switchboard_Doctor_TaskAccessNone');
        if (answer.fieldsNotCreateable.length > 0)
          return finding('fail', 'Switchboard_Doctor_TaskAccessFields', {
            fields: answer.fieldsNotCreateable.join(', ')
          });
        return finding('pass', 'Switchboard_Doctor_TaskAccessPass');
      }
    }
  ];
}
