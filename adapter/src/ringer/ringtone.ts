/**
 * The ringtone, generated with Web Audio (no audio file to ship or fetch): the UK double ring, 400 + 450 Hz,
 * 0.4 s on, 0.2 s off, 0.4 s on, 2 s off (ITU-T E.180 Supplement 2, United Kingdom "ringing tone"), looped
 * from one rendered buffer so stopping is one call and nothing keeps scheduling.
 */

/** What the ringer needs from a sound output; tests pass a fake. */
export interface RingtoneOutput {
  /** Starts ringing. `blocked`: the browser's autoplay policy holds sound back until the agent interacts. */
  start(): Promise<'playing' | 'blocked'>;
  stop(): void;
  /** Called from the agent's gesture: lets sound play from now on. True when it now may. */
  unlock(): Promise<boolean>;
  /** False where the browser cannot pick an output device for generated sound. */
  readonly canChooseDevice: boolean;
  /** '' is the browser's default output. Rejects when the device is gone or not allowed. */
  setDevice(deviceId: string): Promise<void>;
}

/** The parts of AudioContext the ringtone uses; `setSinkId` exists in Chromium 110+ only. */
export interface RingtoneContext {
  readonly state: string;
  readonly sampleRate: number;
  readonly destination: AudioNode;
  resume(): Promise<void>;
  createBuffer(channels: number, length: number, sampleRate: number): AudioBuffer;
  createBufferSource(): AudioBufferSourceNode;
  setSinkId?: (id: string) => Promise<void>;
}

export type ContextFactory = () => RingtoneContext;

const CADENCE: ReadonlyArray<[on: boolean, seconds: number]> = [
  [true, 0.4],
  [false, 0.2],
  [true, 0.4],
  [false, 2]
];
const FREQUENCIES = [400, 450];
/** Quiet enough not to startle on headphones; the two tones together peak at twice this. */
const AMPLITUDE = 0.18;
/** A short fade at each edge stops the click a hard start or stop makes. */
const FADE_SECONDS = 0.01;
/** `resume()` without the agent's gesture stays pending rather than failing: this long is long enough to tell. */
const RESUME_WAIT_MS = 150;

/** One period of the cadence, as samples. Pure, so it can be checked without audio. */
export function renderRingPeriod(sampleRate: number): Float32Array<ArrayBuffer> {
  const total = Math.round(CADENCE.reduce((sum, [, s]) => sum + s, 0) * sampleRate);
  const samples = new Float32Array(total);
  const fade = FADE_SECONDS * sampleRate;
  let offset = 0;
  for (const [on, seconds] of CADENCE) {
    const length = Math.round(seconds * sampleRate);
    if (on)
      for (let i = 0; i < length; i += 1) {
        const edge = Math.min(1, i / fade, (length - 1 - i) / fade);
        const t = i / sampleRate;
        let value = 0;
        for (const f of FREQUENCIES) value += Math.sin(2 * Math.PI * f * t);
        samples[offset + i] = AMPLITUDE * edge * value;
      }
    offset += length;
  }
  return samples;
}

/** The browser's AudioContext, or null where there is none (then the ringer can only prompt and notify). */
export function browserContextFactory(): ContextFactory | null {
  const Ctor = (globalThis as { AudioContext?: new () => RingtoneContext }).AudioContext;
  return Ctor ? () => new Ctor() : null;
}

export class WebAudioRingtone implements RingtoneOutput {
  private context: RingtoneContext | null = null;
  private source: AudioBufferSourceNode | null = null;
  private deviceId = '';

  constructor(
    private readonly createContext: ContextFactory,
    readonly canChooseDevice: boolean
  ) {}

  async start(): Promise<'playing' | 'blocked'> {
    if (this.source) return 'playing';
    const context = this.ensureContext();
    if (!(await this.running(context))) return 'blocked';
    if (this.source) return 'playing'; // a second start while the first awaited
    const period = renderRingPeriod(context.sampleRate);
    const buffer = context.createBuffer(1, period.length, context.sampleRate);
    buffer.copyToChannel(period, 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    source.connect(context.destination);
    source.start();
    this.source = source;
    return 'playing';
  }

  stop(): void {
    const source = this.source;
    this.source = null;
    if (!source) return;
    try {
      source.stop();
    } catch {
      // Already stopped: nothing is playing, which is what stop is for.
    }
    source.disconnect();
  }

  async unlock(): Promise<boolean> {
    // Created inside the gesture, a context starts running; a silent sample makes sure the output is opened.
    const context = this.ensureContext();
    const silence = context.createBufferSource();
    silence.buffer = context.createBuffer(1, 1, context.sampleRate);
    silence.connect(context.destination);
    silence.start();
    return this.running(context);
  }

  async setDevice(deviceId: string): Promise<void> {
    this.deviceId = deviceId;
    if (this.context?.setSinkId) await this.context.setSinkId(deviceId);
  }

  private ensureContext(): RingtoneContext {
    if (!this.context) {
      this.context = this.createContext();
      // A device chosen before the first ring applies once there is a context to apply it to.
      if (this.deviceId && this.context.setSinkId)
        void this.context.setSinkId(this.deviceId).catch(() => undefined);
    }
    return this.context;
  }

  private async running(context: RingtoneContext): Promise<boolean> {
    if (context.state === 'running') return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      context.resume().catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, RESUME_WAIT_MS)))
    ]);
    clearTimeout(timer);
    return context.state === 'running';
  }
}
