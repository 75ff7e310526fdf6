import type { StorageLike } from '../persistence/safe-storage';
import { finding, type Check } from './types';

export interface BrowserCheckDeps {
  provider: 'demo' | 'sip';
  hasWebRtc: boolean;
  hasWebLocks: boolean;
  /** The browser's localStorage, or null where touching it throws (persistence/safe-storage.ts). */
  storage: StorageLike | null;
}

const PROBE_KEY = 'switchboard-doctor-probe';

/** Whether an item can be written and removed: blocked site data and a full quota both fail here. */
export function storageWritable(storage: StorageLike | null): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * WebRTC (SIP calls), Web Locks (one tab owns the phone) and storage (logs survive a reload). Only
 * WebRTC on a SIP line is a failure: without the others the softphone works, less safely.
 */
export function browserCheck(deps: BrowserCheckDeps): Check {
  return {
    id: 'browser',
    anchor: 'doctor-browser',
    run: () => {
      const missing: string[] = [];
      if (!deps.hasWebRtc) missing.push('WebRTC');
      if (!deps.hasWebLocks) missing.push('Web Locks');
      if (!storageWritable(deps.storage)) missing.push('localStorage');
      if (missing.length === 0) return Promise.resolve(finding('pass', 'Switchboard_Doctor_BrowserPass'));
      const status = !deps.hasWebRtc && deps.provider === 'sip' ? 'fail' : 'warning';
      return Promise.resolve(
        finding(status, 'Switchboard_Doctor_BrowserMissing', { missing: missing.join(', ') })
      );
    }
  };
}
