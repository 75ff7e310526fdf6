/** The agent's choice of microphone and speaker (MediaDeviceInfo ids); empty means the browser default. */
export interface AudioDevices {
  inputId: string;
  outputId: string;
}

/** One microphone or speaker as the browser lists it. */
export interface DeviceOption {
  id: string;
  label: string;
}

/** Relative to the user's store (persistence/storage-scope.ts), like every stored item. */
const KEY = 'audio-devices:v1';

/** Lists microphones and speakers. Labels are empty until the page may use the microphone. */
export async function listAudioDevices(
  media: Pick<MediaDevices, 'enumerateDevices'> | undefined
): Promise<{ inputs: DeviceOption[]; outputs: DeviceOption[] }> {
  if (!media?.enumerateDevices) return { inputs: [], outputs: [] };
  const all = await media.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  const pick = (kind: MediaDeviceKind, noun: string) =>
    all
      .filter(
        (d) => d.kind === kind && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications'
      )
      .map((d, i) => ({ id: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
  return { inputs: pick('audioinput', 'Microphone'), outputs: pick('audiooutput', 'Speaker') };
}

/** The agent's device choice is a preference, not a secret: kept per browser. */
export function loadDeviceChoice(storage: Pick<Storage, 'getItem'> | null): AudioDevices {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<AudioDevices> | null;
    return {
      inputId: typeof parsed?.inputId === 'string' ? parsed.inputId : '',
      outputId: typeof parsed?.outputId === 'string' ? parsed.outputId : ''
    };
  } catch {
    return { inputId: '', outputId: '' };
  }
}

export function saveDeviceChoice(storage: Pick<Storage, 'setItem'> | null, devices: AudioDevices): void {
  try {
    storage?.setItem(KEY, JSON.stringify(devices));
  } catch {
    // Without storage the choice lasts for this page only.
  }
}
