import { TabMessageParser, type TabEnvelope, type TabMessage, type TabMessageRules } from './tab-messages';

export type { TabMessage, TabMessageRules } from './tab-messages';

/**
 * One softphone per browser: every Lightning tab loads its own Phone utility, and if each one
 * registered with the PBX an inbound call would ring in all of them, click-to-dial could start
 * two calls, and two tabs would race to save the same log. So the tabs elect a leader:
 *
 *  - the leader holds an exclusive Web Lock for the life of its page; the browser releases it
 *    when the page closes or crashes and hands it to the next waiting tab (FIFO);
 *  - followers wait for the lock and talk to the leader over a BroadcastChannel: the leader
 *    mirrors its machine state, followers forward their agent's actions (tab-messages.ts checks
 *    every message);
 *  - where Web Locks do not exist every tab assumes it leads (the behaviour before election),
 *    and says so through `mode` so the UI can warn;
 *  - where the browser refuses locks or the channel to the page (site data blocked), this tab
 *    runs alone (`mode === 'blocked'`): a phone that works here beats one that waits forever.
 *
 * Both APIs are partitioned like storage (top-level site + frame origin), and every Lightning
 * tab of one org has the same of both, so all the org's softphone frames share one lock.
 */

export const LEADER_LOCK = 'switchboard:leader:v1';
export const TAB_CHANNEL = 'switchboard:tabs:v1';

export type Role = 'pending' | 'leader' | 'follower';
/**
 * `locks` = real election; `no-locks` = the API is missing, so this tab assumes it leads;
 * `blocked` = the browser refuses Web Locks or BroadcastChannel to this page (site data blocked:
 * SecurityError), so this tab cannot coordinate with any other and runs as the only one.
 */
export type ElectionMode = 'locks' | 'no-locks' | 'blocked';

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

export interface LeaderElectionOptions {
  /** This tab's id (crypto.randomUUID() in the adapter). */
  tabId: string;
  /** What received messages are checked against (the call center's country and wrap-up list). */
  rules: TabMessageRules;
  /** `navigator.locks`; undefined = look it up, null = pretend it is missing. */
  locks?: LockManagerLike | null;
  /** `name => new BroadcastChannel(name)`; undefined = look it up, null = no messaging. */
  channel?: ChannelFactory | null;
  lockName?: string;
  channelName?: string;
  onRoleChange?: (role: Exclude<Role, 'pending'>) => void;
  /**
   * Messages from other tabs that passed their schema and are meant for this tab's role: `mirror`
   * only from the tab that leads, `event` only while this tab leads. `from` is the sender's tab id.
   */
  onMessage?: (message: TabMessage, from: string) => void;
  /** A message that was dropped, and why (never its contents); for a console line. */
  onRejected?: (reason: string) => void;
}

/** Enough to diagnose a misbehaving page without letting a flood of junk flood the console too. */
const MAX_REJECTION_LINES = 20;

export class LeaderElection {
  private current: Role = 'pending';
  private electionMode: ElectionMode = 'locks';
  private release: (() => void) | null = null;
  private stopped = false;
  private channel: ChannelLike | null = null;
  private readonly locks: LockManagerLike | null;
  private readonly makeChannel: ChannelFactory | null;
  private readonly waiters: Array<() => void> = [];
  private readonly parser: TabMessageParser;
  /**
   * The tab whose mirrors this one accepts: itself while it leads, else the last tab that announced
   * it leads. `from` is self-declared, so this keeps out stale and blind senders, not a script that
   * listens first; what protects the view is that every mirror is rebuilt by its schema.
   */
  private leaderTab: string | null = null;
  private rejections = 0;

  constructor(private readonly options: LeaderElectionOptions) {
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.makeChannel = options.channel === undefined ? defaultChannelFactory() : options.channel;
    this.parser = new TabMessageParser(options.rules);
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

  /** The tab this one takes its state from (itself while leading); null until one has announced itself. */
  get leaderTabId(): string | null {
    return this.leaderTab;
  }

  /** Joins the election. The role is known (leader or follower) once the returned promise settles. */
  async start(): Promise<Exclude<Role, 'pending'>> {
    if (!this.openChannel()) return this.runAlone();
    if (!this.locks) {
      this.electionMode = 'no-locks';
      this.become('leader');
      return 'leader';
    }
    let granted = false;
    try {
      granted = await this.tryAcquire(true);
    } catch (error) {
      if (isSecurityError(error) && !this.stopped) return this.runAlone();
      // Anything else (e.g. InvalidStateError: the document is being discarded): leadership never comes.
    }
    if (!granted && !this.stopped) {
      this.become('follower');
      this.queueForLeadership();
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

  /** The same check the leader applies to a forwarded event, for the tab about to forward it. */
  checkForwardable(
    ...args: Parameters<TabMessageParser['forwardable']>
  ): ReturnType<TabMessageParser['forwardable']> {
    return this.parser.forwardable(...args);
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
    if (!this.stopped) this.queueForLeadership();
  }

  /** Page unload: release the lock (the browser would too) and close the channel. */
  stop(): void {
    this.stopped = true;
    this.release?.();
    this.release = null;
    this.closeChannel();
  }

  /**
   * Requests the lock. With `ifAvailable` the browser calls back at once (with null when another
   * tab holds it) and the promise says whether we got it; without, it settles when we get it.
   * Rejects when the lock manager refuses the request (SecurityError when site data is blocked).
   */
  private tryAcquire(ifAvailable: boolean): Promise<boolean> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((decide, fail) => {
      const options = ifAvailable
        ? { mode: 'exclusive' as const, ifAvailable: true }
        : { mode: 'exclusive' as const };
      const onLock = (lock: object | null): Promise<void> => {
        if (!lock || this.stopped) {
          decide(false);
          return Promise.resolve();
        }
        // Held until release(): the lock is the leadership, for the life of the page.
        const held = new Promise<void>((resolve) => (this.release = resolve));
        this.become('leader');
        decide(true);
        return held;
      };
      try {
        locks.request(this.options.lockName ?? LEADER_LOCK, options, onLock).catch(fail);
      } catch (error) {
        fail(error); // a lock manager may refuse synchronously too
      }
    });
  }

  /** Waits in line for the lock; if the browser refuses it outright, this tab runs alone. */
  private queueForLeadership(): void {
    this.tryAcquire(false).catch((error: unknown) => {
      if (isSecurityError(error) && !this.stopped && this.current !== 'leader') this.runAlone();
    });
  }

  /**
   * Site data is blocked: no lock to hold, no channel to talk on, and no other tab can reach us
   * either. Leading alone is the only way the agent gets a working phone in this tab.
   */
  private runAlone(): 'leader' {
    this.electionMode = 'blocked';
    this.closeChannel();
    this.become('leader');
    return 'leader';
  }

  private become(role: Exclude<Role, 'pending'>): void {
    if (this.current === role) return;
    this.current = role;
    if (role === 'leader') {
      this.leaderTab = this.options.tabId;
      this.send({ type: 'leader' });
      for (const resolve of this.waiters.splice(0)) resolve();
    } else if (this.leaderTab === this.options.tabId) {
      this.leaderTab = null; // the next leader announces itself
    }
    this.options.onRoleChange?.(role);
  }

  /** False when the browser refuses the channel to this page (then nothing can be coordinated). */
  private openChannel(): boolean {
    if (!this.makeChannel) return true;
    let channel: ChannelLike;
    try {
      channel = this.makeChannel(this.options.channelName ?? TAB_CHANNEL);
      channel.addEventListener('message', (event) => this.receive(event.data));
    } catch {
      return false;
    }
    this.channel = channel;
    this.send({ type: 'hello' });
    return true;
  }

  private closeChannel(): void {
    try {
      this.channel?.close();
    } catch {
      // already closed
    }
    this.channel = null;
  }

  private receive(raw: unknown): void {
    const parsed = this.parser.envelope(raw);
    if (!parsed.ok) return this.reject(`Dropped a tab message that failed its checks (${parsed.reason}).`);
    const { from, message } = parsed.value;
    if (from === this.options.tabId) return;
    switch (message.type) {
      case 'leader':
        // Every tab leads without locks, so claims are normal there; a lock holder never shares the lock.
        if (this.current === 'leader') {
          if (this.electionMode === 'locks')
            this.reject(`Ignored a leader claim from tab ${from}: this tab holds the lock.`);
          return;
        }
        this.leaderTab = from;
        return;
      case 'mirror':
        if (this.current !== 'follower') return; // a leader (or a tab still starting) has its own state
        if (from !== this.leaderTab)
          return this.reject(`Dropped a mirror from tab ${from}, which does not lead.`);
        return this.deliver(message, from);
      case 'event':
        if (this.current === 'leader') this.deliver(message, from); // followers hear each other's: not for them
        return;
      case 'hello':
        // A newcomer learns who leads before it gets the state (main answers hello with a mirror).
        if (this.current === 'leader') this.send({ type: 'leader' });
        return this.deliver(message, from);
      case 'takeOver':
        return this.deliver(message, from);
    }
  }

  private deliver(message: TabMessage, from: string): void {
    this.options.onMessage?.(message, from);
  }

  private reject(reason: string): void {
    this.rejections += 1;
    if (this.rejections > MAX_REJECTION_LINES) return;
    const more =
      this.rejections === MAX_REJECTION_LINES ? ' Further dropped tab messages are not logged.' : '';
    this.options.onRejected?.(reason + more);
  }
}

/** The browser refused the API to this page (site data blocked, opaque origin), as opposed to a busy lock. */
export function isSecurityError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SecurityError'
  );
}

function defaultLocks(): LockManagerLike | null {
  try {
    const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
    return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
  } catch (error) {
    // The API exists but is refused to this page: that is "blocked", not "missing", and start() must know.
    return isSecurityError(error) ? { request: () => Promise.reject(error) } : null;
  }
}

function defaultChannelFactory(): ChannelFactory | null {
  const Ctor = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return typeof Ctor === 'function' ? (name) => new Ctor(name) : null;
}
