import type { DeviceOption } from '../devices/audio-devices';

/** `blocked`: a call rings but the browser holds sound back until the agent interacts with the softphone. */
export type RingStatus = 'silent' | 'playing' | 'blocked';

/** The ringer as the view sees it (ringer/ringer.ts builds it): its status and the agent's two controls. */
export interface RingerView {
  status: RingStatus;
  /** The "enable ringing" button: the click lets sound play and starts the ring. */
  enable(): void;
  /** The ringtone's own output device; null where the browser cannot route generated sound. */
  device: {
    options: DeviceOption[];
    /** '' is the browser's default output. */
    selected: string;
    choose(deviceId: string): void;
    refresh(): Promise<void>;
  } | null;
}
