import type { EventInput, MachineState, Phase } from '../call/types';

/**
 * One softphone per browser: every Lightning tab loads its own Phone utility, and if each one
 * registered with the PBX an inbound call would ring in all of them, click-to-dial could start
 * two calls, and two tabs would race to save the same log. So the tabs elect a leader:
 *
 *  - the leader holds an exclusive Web Lock for the life of its page; the browser releases it
 *    when the page closes or crashes and hands it to the next waiting tab (FIFO);
 *  - followers wait for the lock and talk to the leader over a BroadcastChannel: the leader
 *    mirrors a small state summary, followers hand it click-to-dial requests;
 *  - where Web Locks do not exist every tab assumes it leads (the behaviour before election),
 *    and says so through `mode` so the UI can warn.
 *
 * Both APIs are partitioned like storage (top-level site + frame origin), and every Lightning
 * tab of one org has the same of both, so all the org's softphone frames share one lock.
 */

export const LEADER_LOCK = 'switchboard:leader:v1';
export const TAB_CHANNEL = 'switchboard:tabs:v1';

export type Role = 'pending' | 'leader' | 'follower';
/** `locks` = real election; `no-locks` = the API is missing, so this tab assumes it leads. */
export type ElectionMode = 'locks' | 'no-locks';

/** The slice of `navigator.locks` we use. */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean },
    callback: (lock: object | null) => Promise<void>
  ): Promise<unknown>;
}

/** The slice of `BroadcastChannel` we use. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type ChannelFactory = (name: string) => ChannelLike;

/** What followers show: enough to say "on a call in another tab", nothing that needs the machine. */
export interface MirrorState {
  phase: Phase;
  /** The utility item label the leader shows (e.g. "On call 01:23"). Text only. */
  label: string;
  registered: boolean;
}

/** A click-to-dial that reached a follower; the leader dials it. Fields are re-checked there. */
export interface DialHandoff {
  number: string;
  recordId: string | null;
  recordName: string | null;
  objectType: string | null;
  params: string | null;
}

export type TabMessage =
  | { type: 'hello' }
  | { type: 'leader' }
  | { type: 'state'; state: MirrorState }
  | { type: 'dial'; dial: DialHandoff }
  | { type: 'takeOver' }
  /** Leader → followers: the whole machine state, so every tab's utility item, click-to-dial and channel agree. */
  | { type: 'mirror'; state: MachineState }
  /** Follower → leader: something the agent did in that tab (a button, a click-to-dial). */
  | { type: 'event'; event: ForwardedEvent };

/** Agent actions a follower may forward; anything else arriving as an `event` is dropped. */
export const FORWARDABLE_EVENTS = [
  'DIAL_REQUESTED', 'ANSWER', 'DECLINE', 'HANGUP', 'TOGGLE_HOLD', 'TOGGLE_MUTE', 'DTMF', 'TRANSFER', 'SELECT_RECORD', 'POP_SEARCH',
  'POP_NEW_RECORD', 'WRAP_UP_EDITED', 'SUBMIT_WRAP_UP', 'RETRY_LOG', 'DISMISS_NOTICE', 'ANSWER_WAITING', 'DECLINE_WAITING'
] as const;
type Forwardable = (typeof FORWARDABLE_EVENTS)[number];
export type ForwardedEvent = Extract<EventInput, { type: Forwardable }>;

export interface TabEnvelope {
  source: 'switchboard-tab';
  version: 1;
  from: string;
  message: TabMessage;
}

export interface LeaderElectionOptions {
  /** This tab's id (crypto.randomUUID() in the adapter). */
  tabId: string;
  /** `navigator.locks`; undefined = look it up, null = pretend it is missing. */
  locks?: LockManagerLike | null;
  /** `name => new BroadcastChannel(name)`; undefined = look it up, null = no messaging. */
  channel?: ChannelFactory | null;
  lockName?: string;
  channelName?: string;
  onRoleChange?: (role: Exclude<Role, 'pending'>) => void;
  /** Messages from other tabs that passed the shape check; `from` is the sender's tab id. */
  onMessage?: (message: TabMessage, from: string) => void;
}

export class LeaderElection {
  private current: Role = 'pending';
  private electionMode: ElectionMode = 'locks';
  private release: (() => void) | null = null;
  private stopped = false;
  private channel: ChannelLike | null = null;
  private readonly locks: LockManagerLike | null;
  private readonly makeChannel: ChannelFactory | null;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly options: LeaderElectionOptions) {
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.makeChannel = options.channel === undefined ? defaultChannelFactory() : options.channel;
  }

  get role(): Role {
    return this.current;
  }

  get mode(): ElectionMode {
    return this.electionMode;
  }

  get isLeader(): boolean {
    return this.current === 'leader';
  }

  get tabId(): string {
    return this.options.tabId;
  }

  /** Joins the election. The role is known (leader or follower) once the returned promise settles. */
  async start(): Promise<Exclude<Role, 'pending'>> {
    this.openChannel();
    if (!this.locks) {
      this.electionMode = 'no-locks';
      this.become('leader');
      return 'leader';
    }
    const granted = await this.tryAcquire(true);
    if (!granted && !this.stopped) {
      this.become('follower');
      void this.tryAcquire(false); // queue: resolves when every tab ahead of us has gone
    }
    return this.current === 'leader' ? 'leader' : 'follower';
  }

  /** Resolves when this tab leads (at once if it already does). */
  whenLeader(): Promise<void> {
    if (this.current === 'leader') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Broadcasts to the other tabs (never to this one). Silently nothing without BroadcastChannel. */
  send(message: TabMessage): void {
    const envelope: TabEnvelope = {
      source: 'switchboard-tab',
      version: 1,
      from: this.options.tabId,
      message
    };
    try {
      this.channel?.postMessage(envelope);
    } catch {
      // A closed channel or an uncloneable payload must not break the caller.
    }
  }

  /**
   * Gives leadership to the next waiting tab and queues behind it (e.g. honouring a follower's
   * `takeOver` while idle). Does nothing unless this tab leads under a real lock.
   */
  async resign(): Promise<void> {
    if (this.current !== 'leader' || !this.release) return;
    const release = this.release;
    this.release = null;
    this.become('follower');
    release();
    // Let the lock manager hand the lock on before we queue again, or we could get it straight back.
    await Promise.resolve();
    if (!this.stopped) void this.tryAcquire(false);
  }

  /** Page unload: release the lock (the browser would too) and close the channel. */
  stop(): void {
    this.stopped = true;
    this.release?.();
    this.release = null;
    try {
      this.channel?.close();
    } catch {
      // already closed
    }
    this.channel = null;
  }

  /**
   * Requests the lock. With `ifAvailable` the browser calls back at once (with null when another
   * tab holds it) and the promise says whether we got it; without, we queue and it says false.
   */
  private tryAcquire(ifAvailable: boolean): Promise<boolean> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(false);
    let decide: (granted: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((resolve) => (decide = resolve));
    const options = ifAvailable
      ? { mode: 'exclusive' as const, ifAvailable: true }
      : { mode: 'exclusive' as const };
    locks
      .request(this.options.lockName ?? LEADER_LOCK, options, (lock) => {
        if (!lock || this.stopped) {
          decide(false);
          return Promise.resolve();
        }
        // Held until release(): the lock is the leadership, for the life of the page.
        const held = new Promise<void>((resolve) => (this.release = resolve));
        this.become('leader');
        decide(true);
        return held;
      })
      .catch(() => decide(false)); // e.g. the document was discarded: leadership just never comes
    return ifAvailable ? decided : Promise.resolve(false);
  }

  private become(role: Exclude<Role, 'pending'>): void {
    if (this.current === role) return;
    this.current = role;
    if (role === 'leader') {
      this.send({ type: 'leader' });
      for (const resolve of this.waiters.splice(0)) resolve();
    }
    this.options.onRoleChange?.(role);
  }

  private openChannel(): void {
    if (!this.makeChannel) return;
    try {
      const channel = this.makeChannel(this.options.channelName ?? TAB_CHANNEL);
      channel.addEventListener('message', (event) => {
        const envelope = parseTabEnvelope(event.data);
        if (!envelope || envelope.from === this.options.tabId) return;
        this.options.onMessage?.(envelope.message, envelope.from);
      });
      this.channel = channel;
      this.send({ type: 'hello' });
    } catch {
      this.channel = null;
    }
  }
}

/** Shape check for anything arriving on the channel: other code (or an extension) may post to it. */
export function parseTabEnvelope(raw: unknown): TabEnvelope | null {
  if (!isRecord(raw) || raw['source'] !== 'switchboard-tab' || raw['version'] !== 1) return null;
  const from = raw['from'];
  if (typeof from !== 'string' || from.length === 0 || from.length > 100) return null;
  const message = parseTabMessage(raw['message']);
  return message ? { source: 'switchboard-tab', version: 1, from, message } : null;
}

const PHASES: readonly Phase[] = ['idle', 'dialing', 'ringing', 'connected', 'held', 'wrapUp'];

function parseTabMessage(raw: unknown): TabMessage | null {
  if (!isRecord(raw)) return null;
  switch (raw['type']) {
    case 'hello':
    case 'leader':
    case 'takeOver':
      return { type: raw['type'] };
    case 'state': {
      const s = raw['state'];
      if (
        !isRecord(s) ||
        !PHASES.includes(s['phase'] as Phase) ||
        typeof s['label'] !== 'string' ||
        typeof s['registered'] !== 'boolean'
      )
        return null;
      return {
        type: 'state',
        state: { phase: s['phase'] as Phase, label: s['label'].slice(0, 200), registered: s['registered'] }
      };
    }
    case 'mirror': {
      // Same-origin tabs of this adapter only (BroadcastChannel); still check the frame of it.
      const st = raw['state'];
      if (!isRecord(st) || !PHASES.includes(st['phase'] as Phase) || !Array.isArray(st['logs']) || typeof st['registration'] !== 'string') return null;
      return { type: 'mirror', state: st as unknown as MachineState };
    }
    case 'event': {
      const ev = raw['event'];
      if (!isRecord(ev) || !FORWARDABLE_EVENTS.includes(ev['type'] as Forwardable)) return null;
      return { type: 'event', event: ev as unknown as ForwardedEvent };
    }
    case 'dial': {
      const d = raw['dial'];
      if (!isRecord(d) || typeof d['number'] !== 'string' || d['number'].length > 200) return null;
      const text = (v: unknown, max: number): string | null =>
        typeof v === 'string' && v.length <= max ? v : null;
      return {
        type: 'dial',
        dial: {
          number: d['number'],
          recordId: text(d['recordId'], 18),
          recordName: text(d['recordName'], 255),
          objectType: text(d['objectType'], 80),
          params: text(d['params'], 1000)
        }
      };
    }
    default:
      return null;
  }
}

function defaultLocks(): LockManagerLike | null {
  try {
    const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
    return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
  } catch {
    return null;
  }
}

function defaultChannelFactory(): ChannelFactory | null {
  const Ctor = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return typeof Ctor === 'function' ? (name) => new Ctor(name) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
