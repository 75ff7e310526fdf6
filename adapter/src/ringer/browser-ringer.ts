import { listAudioDevices } from '../devices/audio-devices';
import { t } from '../i18n/labels';
import type { Logger } from '../logging/logger';
import type { HostPort } from '../opencti/port';
import type { KeyValueStore } from '../persistence/safe-storage';
import { listenForGestures } from './audio-unlock';
import { browserNotifications, DesktopNotice } from './desktop-notice';
import { Ringer } from './ringer';
import { browserContextFactory, WebAudioRingtone } from './ringtone';

export interface BrowserRingerDeps {
  host: Pick<HostPort, 'setSoftphonePanelVisibility' | 'setSoftphoneItemLabel' | 'setSoftphoneItemIcon'>;
  logger: Logger;
  store: KeyValueStore;
  /** The ringer's view changed: redraw (deferred by the caller; the ringer may be inside a draw). */
  onChange: () => void;
}

/** The ringer with the browser's Web Audio, Notification and media devices, listening for the agent's gestures. */
export function createBrowserRinger(deps: BrowserRingerDeps): Ringer {
  const contexts = browserContextFactory();
  // AudioContext.setSinkId: Chromium 110+; elsewhere the ring plays on the default output and no choice is offered.
  const AudioCtor = (globalThis as { AudioContext?: { prototype: object } }).AudioContext;
  const canChoose = AudioCtor !== undefined && 'setSinkId' in AudioCtor.prototype;
  const ringer = new Ringer({
    output: contexts ? new WebAudioRingtone(contexts, canChoose) : null,
    host: deps.host,
    notice: new DesktopNotice(browserNotifications()),
    logger: deps.logger,
    store: deps.store,
    text: {
      flash: () => ({ label: t('Switchboard_Ringer_Flash'), icon: 'alert' }),
      notificationTitle: () => t('Switchboard_Ringer_NotificationTitle'),
      notificationBody: (caller) => t('Switchboard_Ringer_NotificationBody', { caller })
    },
    listOutputs: async () => (await listAudioDevices(navigator.mediaDevices)).outputs,
    onChange: deps.onChange
  });
  listenForGestures(document, () => ringer.gesture());
  addEventListener('pagehide', () => ringer.stop());
  return ringer;
}
