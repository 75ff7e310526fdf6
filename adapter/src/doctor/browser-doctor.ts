import { t } from '../i18n/labels';
import type { Logger } from '../logging/logger';
import type { HostPort } from '../opencti/port';
import { browserLocalStorage } from '../persistence/safe-storage';
import type { SwitchboardSettings } from '../settings/settings';
import { browserCheck } from './browser-checks';
import { apexChecks, openCtiCheck, roundTripCheck, settingsCheck } from './host-checks';
import {
  microphoneDeviceCheck,
  microphonePermissionCheck,
  permissionsPolicyCheck,
  probeSoundAtStart,
  soundCheck,
  type PermissionsLike,
  type PolicyLike,
  type SoundAtStart
} from './media-checks';
import {
  originOf,
  sipRegistrationCheck,
  stunTurnCheck,
  webSocketCheck,
  type CspViolation,
  type PeerConnectionLike
} from './network-checks';
import { openCtiVersionOf, resourceVersionOf, type MessageText } from './report';
import { SetupDoctor } from './setup-doctor';
import type { Check } from './types';

/** Where the admin guide is published, for each row's link; none yet, so rows name the section instead. */
export const ADMIN_GUIDE_URL: string | null = null;

/** Per check; the WebSocket and ICE probes give up sooner (PROBE_MS) so their own answer says why. */
export const CHECK_TIMEOUT_MS = 8000;
export const PROBE_MS = 5000;

export interface BrowserDoctorDeps {
  host: HostPort | null;
  settings: SwitchboardSettings;
  line: () => { status: string; error: string | null };
  scriptUrl: string;
  /** Whose page this is (persistence/storage-scope.ts); the report shows only the ids' prefixes. */
  user: { orgId: string; userId: string } | null;
  redraw: () => void;
  /** Says once what the sound probe found: support reads it in the console, tests wait for it. */
  logger: Pick<Logger, 'info'>;
}

type DocumentWithPolicy = Document & { permissionsPolicy?: PolicyLike; featurePolicy?: PolicyLike };
type BrowserWindow = Window & typeof globalThis;
type WindowWithAudio = BrowserWindow & { webkitAudioContext?: typeof AudioContext };

type WindowWithActivation = BrowserWindow & { navigator: { userActivation?: { hasBeenActive: boolean } } };

/** Must run before any click: see probeSoundAtStart. A page already clicked can no longer tell. */
export function soundAtStart(win: BrowserWindow = window): SoundAtStart {
  const clicked = (win as WindowWithActivation).navigator.userActivation?.hasBeenActive === true;
  const Ctor = win.AudioContext ?? (win as WindowWithAudio).webkitAudioContext;
  const found = probeSoundAtStart(Ctor ? () => new Ctor() : null);
  return clicked && found === 'running' ? 'unknown' : found;
}

/**
 * Probes sound once the page is idle: the first AudioContext of a page starts the browser's audio
 * system (220 ms in headless Chromium, then 3–7 ms), which must not delay start-up. Idle comes well
 * before an agent's first click; a click first makes the answer `unknown`, never a false pass.
 */
export function probeSoundWhenIdle(win: BrowserWindow, done: (sound: SoundAtStart) => void): void {
  const probe = (): void => done(soundAtStart(win));
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(probe, { timeout: 2000 });
  else win.setTimeout(probe, 500);
}

/** The checks over this browser's real APIs, in the order the list shows them. */
export function browserChecks(
  deps: BrowserDoctorDeps,
  sound: SoundAtStart,
  win: BrowserWindow = window
): Check[] {
  const doc = win.document as DocumentWithPolicy;
  const nav = win.navigator;
  const hostDeps = {
    host: deps.host,
    page: { framed: win.parent !== win, search: win.location.search },
    now: () => performance.now()
  };
  const mediaDeps = {
    permissions: (nav.permissions as PermissionsLike | undefined) ?? null,
    media: nav.mediaDevices ?? null,
    policy: doc.permissionsPolicy ?? doc.featurePolicy ?? null,
    soundAtStart: sound
  };
  const networkDeps = {
    provider: deps.settings.provider,
    webSocketUrl: deps.settings.webSocketUrl,
    iceServers: deps.settings.iceServers,
    line: deps.line,
    openWebSocket: (url: string) => new WebSocket(url, 'sip'),
    onCspViolation: (listener: (v: CspViolation) => void) => {
      const handler = (event: SecurityPolicyViolationEvent) => listener(event);
      doc.addEventListener('securitypolicyviolation', handler);
      return () => doc.removeEventListener('securitypolicyviolation', handler);
    },
    createPeerConnection: typeof win.RTCPeerConnection === 'function' ? peerConnection(win) : null,
    probeMs: PROBE_MS
  };
  return [
    openCtiCheck(hostDeps),
    settingsCheck(hostDeps),
    roundTripCheck(hostDeps),
    ...apexChecks(hostDeps),
    microphonePermissionCheck(mediaDeps),
    microphoneDeviceCheck(mediaDeps),
    permissionsPolicyCheck(mediaDeps),
    webSocketCheck(networkDeps),
    sipRegistrationCheck(networkDeps),
    stunTurnCheck(networkDeps),
    soundCheck(mediaDeps),
    browserCheck({
      provider: deps.settings.provider,
      hasWebRtc: typeof win.RTCPeerConnection === 'function',
      hasWebLocks: typeof nav.locks?.request === 'function',
      storage: browserLocalStorage()
    })
  ];
}

function peerConnection(win: BrowserWindow): (config: RTCConfiguration) => PeerConnectionLike {
  return (config) => {
    const pc = new win.RTCPeerConnection(config);
    return {
      onCandidate: (listener) => {
        pc.onicecandidate =
          listener && ((event) => listener(event.candidate ? event.candidate.candidate : null));
      },
      createDataChannel: (label) => pc.createDataChannel(label),
      createOffer: () => pc.createOffer(),
      setLocalDescription: (description) => pc.setLocalDescription(description),
      close: () => pc.close()
    };
  };
}

/** The doctor for this page. Its sound probe runs when the page is first idle, so construct it at start-up. */
export function createBrowserDoctor(deps: BrowserDoctorDeps, win: BrowserWindow = window): SetupDoctor {
  let sound: SoundAtStart = 'unknown';
  const scripts = [...win.document.scripts].map((s) => s.src);
  const doctor = new SetupDoctor({
    checks: () => browserChecks(deps, sound, win),
    facts: () => ({
      resourceVersion: resourceVersionOf(deps.scriptUrl),
      openCtiVersion: openCtiVersionOf(scripts),
      userAgent: win.navigator.userAgent,
      provider: deps.settings.provider,
      pbxOrigin: deps.settings.provider === 'sip' ? originOf(deps.settings.webSocketUrl) : null,
      iceServerCount: deps.settings.iceServers.length,
      orgId: deps.user?.orgId ?? null,
      userId: deps.user?.userId ?? null
    }),
    // Findings name their label; which values each reads is the label's own business.
    text: t as MessageText,
    clipboard: win.navigator.clipboard ?? null,
    redraw: deps.redraw,
    guideUrl: ADMIN_GUIDE_URL,
    timeoutMs: CHECK_TIMEOUT_MS
  });
  probeSoundWhenIdle(win, (found) => {
    sound = found;
    doctor.view.soundProbe = 'done';
    deps.logger.info(`Sound at start-up (before any click): ${found}.`);
    deps.redraw();
  });
  return doctor;
}
