import { errorText, finding, type Check } from './types';

/** `navigator.permissions` as used here: TypeScript's PermissionName does not list 'microphone'. */
export interface PermissionsLike {
  query(descriptor: { name: string }): Promise<{ state: string }>;
}

/** `document.permissionsPolicy` (spec) or `document.featurePolicy` (Chromium's older name). */
export interface PolicyLike {
  allowsFeature(feature: string): boolean;
}

/**
 * What an AudioContext said about sound when the page started, before any click in it. `unknown`: the
 * probe has not run, or the page was clicked before it did (a click unlocks sound, so it proves nothing).
 */
export type SoundAtStart = 'running' | 'suspended' | 'unavailable' | 'unknown';

export interface MediaCheckDeps {
  permissions: PermissionsLike | null;
  media: Pick<MediaDevices, 'enumerateDevices'> | null;
  policy: PolicyLike | null;
  soundAtStart: SoundAtStart;
}

export function microphonePermissionCheck(deps: MediaCheckDeps): Check {
  return {
    id: 'microphone-permission',
    anchor: 'doctor-microphone',
    run: async () => {
      if (!deps.permissions) return finding('skip', 'Switchboard_Doctor_MicPermissionUnknown');
      let state: string;
      try {
        state = (await deps.permissions.query({ name: 'microphone' })).state;
      } catch {
        // Browsers that do not know the 'microphone' permission name reject the query.
        return finding('skip', 'Switchboard_Doctor_MicPermissionUnknown');
      }
      if (state === 'granted') return finding('pass', 'Switchboard_Doctor_MicPermissionPass');
      if (state === 'denied') return finding('fail', 'Switchboard_Doctor_MicPermissionDenied');
      return finding('warning', 'Switchboard_Doctor_MicPermissionPrompt');
    }
  };
}

export function microphoneDeviceCheck(deps: MediaCheckDeps): Check {
  return {
    id: 'microphone-device',
    anchor: 'doctor-microphone',
    run: async () => {
      if (!deps.media) return finding('fail', 'Switchboard_Doctor_MicDeviceNoApi');
      let devices: MediaDeviceInfo[];
      try {
        devices = await deps.media.enumerateDevices();
      } catch (error) {
        return finding('fail', 'Switchboard_Doctor_MicDeviceFailed', { error: errorText(error) });
      }
      const inputs = devices.filter((d) => d.kind === 'audioinput').length;
      if (inputs === 0) return finding('fail', 'Switchboard_Doctor_MicDeviceNone');
      return finding('pass', 'Switchboard_Doctor_MicDevicePass', { count: inputs });
    }
  };
}

/** The frame's Permissions-Policy: Lightning's iframe `allow` and the org's header both feed it. */
export function permissionsPolicyCheck(deps: MediaCheckDeps): Check {
  return {
    id: 'permissions-policy',
    anchor: 'doctor-permissions-policy',
    run: () => {
      if (!deps.policy) return Promise.resolve(finding('skip', 'Switchboard_Doctor_PolicyUnknown'));
      let allowed: boolean;
      try {
        allowed = deps.policy.allowsFeature('microphone');
      } catch {
        return Promise.resolve(finding('skip', 'Switchboard_Doctor_PolicyUnknown'));
      }
      return Promise.resolve(
        allowed
          ? finding('pass', 'Switchboard_Doctor_PolicyPass')
          : finding('fail', 'Switchboard_Doctor_PolicyBlocked')
      );
    }
  };
}

/**
 * Whether a ring could sound. The click on "Check setup" itself unlocks sound, so what counts is
 * what the page could do before any click: probed once at start-up (probeSoundAtStart).
 */
export function soundCheck(deps: MediaCheckDeps): Check {
  return {
    id: 'sound',
    anchor: 'doctor-sound',
    run: () => {
      if (deps.soundAtStart === 'running')
        return Promise.resolve(finding('pass', 'Switchboard_Doctor_SoundPass'));
      if (deps.soundAtStart === 'suspended')
        return Promise.resolve(finding('warning', 'Switchboard_Doctor_SoundBlocked'));
      if (deps.soundAtStart === 'unknown')
        return Promise.resolve(finding('skip', 'Switchboard_Doctor_SoundUnknown'));
      return Promise.resolve(finding('fail', 'Switchboard_Doctor_SoundUnavailable'));
    }
  };
}

/** The part of an AudioContext the probe uses. */
export interface AudioContextLike {
  readonly state: string;
  close(): Promise<void>;
}

/**
 * Creates an AudioContext before any interaction and reads its state: browsers that block autoplay
 * start it 'suspended' (Chrome's autoplay policy; MDN "Autoplay guide for media and Web Audio APIs").
 * The context is closed at once so it holds no audio device.
 */
export function probeSoundAtStart(create: (() => AudioContextLike) | null): SoundAtStart {
  if (!create) return 'unavailable';
  try {
    const context = create();
    const state = context.state;
    void context.close().catch(() => undefined);
    return state === 'running' ? 'running' : 'suspended';
  } catch {
    return 'unavailable';
  }
}
