import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  microphoneDeviceCheck,
  microphonePermissionCheck,
  permissionsPolicyCheck,
  probeSoundAtStart,
  soundCheck,
  type MediaCheckDeps
} from '../../../adapter/src/doctor/media-checks';

function deps(overrides: Partial<MediaCheckDeps> = {}): MediaCheckDeps {
  return {
    permissions: { query: () => Promise.resolve({ state: 'granted' }) },
    media: {
      enumerateDevices: () =>
        Promise.resolve([{ kind: 'audioinput' }, { kind: 'audiooutput' }] as MediaDeviceInfo[])
    },
    policy: { allowsFeature: (feature) => feature === 'microphone' },
    soundAtStart: 'running',
    ...overrides
  };
}

const permission = (state: string) =>
  microphonePermissionCheck(deps({ permissions: { query: () => Promise.resolve({ state }) } })).run();

test('microphone permission: granted passes, prompt warns, denied fails; an unknown name skips', async () => {
  assert.equal((await permission('granted')).status, 'pass');
  assert.deepEqual(await permission('prompt'), {
    status: 'warning',
    message: 'Switchboard_Doctor_MicPermissionPrompt'
  });
  assert.deepEqual(await permission('denied'), {
    status: 'fail',
    message: 'Switchboard_Doctor_MicPermissionDenied'
  });
  const unknownName = microphonePermissionCheck(
    deps({ permissions: { query: () => Promise.reject(new TypeError('not a valid PermissionName')) } })
  );
  assert.equal((await unknownName.run()).status, 'skip');
  assert.equal((await microphonePermissionCheck(deps({ permissions: null })).run()).status, 'skip');
});

test('capture device: counts audio inputs; none, no API, or a failing list fail', async () => {
  assert.deepEqual(await microphoneDeviceCheck(deps()).run(), {
    status: 'pass',
    message: 'Switchboard_Doctor_MicDevicePass',
    values: { count: 1 }
  });
  const speakersOnly = deps({
    media: { enumerateDevices: () => Promise.resolve([{ kind: 'audiooutput' }] as MediaDeviceInfo[]) }
  });
  assert.equal((await microphoneDeviceCheck(speakersOnly).run()).message, 'Switchboard_Doctor_MicDeviceNone');
  assert.equal(
    (await microphoneDeviceCheck(deps({ media: null })).run()).message,
    'Switchboard_Doctor_MicDeviceNoApi'
  );
  const failing = deps({ media: { enumerateDevices: () => Promise.reject(new Error('nope')) } });
  assert.deepEqual((await microphoneDeviceCheck(failing).run()).values, { error: 'nope' });
});

test("Permissions-Policy: the frame's policy decides; a browser without the API skips", async () => {
  assert.equal((await permissionsPolicyCheck(deps()).run()).status, 'pass');
  const blocked = deps({ policy: { allowsFeature: () => false } });
  assert.deepEqual(await permissionsPolicyCheck(blocked).run(), {
    status: 'fail',
    message: 'Switchboard_Doctor_PolicyBlocked'
  });
  assert.equal((await permissionsPolicyCheck(deps({ policy: null })).run()).status, 'skip');
});

test('sound: what the start-up probe saw before any click decides', async () => {
  assert.equal((await soundCheck(deps({ soundAtStart: 'running' })).run()).status, 'pass');
  assert.deepEqual(await soundCheck(deps({ soundAtStart: 'suspended' })).run(), {
    status: 'warning',
    message: 'Switchboard_Doctor_SoundBlocked'
  });
  assert.equal((await soundCheck(deps({ soundAtStart: 'unavailable' })).run()).status, 'fail');
  assert.deepEqual(await soundCheck(deps({ soundAtStart: 'unknown' })).run(), {
    status: 'skip',
    message: 'Switchboard_Doctor_SoundUnknown'
  });
});

test('the sound probe reads the new context state and closes it; no Web Audio or a throwing constructor is unavailable', () => {
  let closed = 0;
  const context = (state: string) => () => ({
    state,
    close: () => {
      closed += 1;
      return Promise.resolve();
    }
  });
  assert.equal(probeSoundAtStart(context('suspended')), 'suspended');
  assert.equal(probeSoundAtStart(context('running')), 'running');
  assert.equal(closed, 2);
  assert.equal(probeSoundAtStart(null), 'unavailable');
  assert.equal(
    probeSoundAtStart(() => {
      throw new Error('too many AudioContexts');
    }),
    'unavailable'
  );
});
