/** A SipProvider wired to FakeUserAgent through the createUserAgent seam, with what it reported. */
import type { TestContext } from 'node:test';
import type { ProviderEvent } from '../../../../adapter/src/telephony/provider';
import {
  createSipProvider,
  type SipProvider,
  type SipProviderDeps
} from '../../../../adapter/src/telephony/sip/sip-provider';
import type { SipConfig } from '../../../../adapter/src/telephony/sip/sip-config';
import type { FakeSession } from './fake-session';
import { FakeUserAgent } from './fake-user-agent';

export interface Line {
  provider: SipProvider;
  events: ProviderEvent[];
  warnings: string[];
  /** Every UA the provider built, oldest first. */
  userAgents: FakeUserAgent[];
  ua(): FakeUserAgent;
  /** start() with the registrar answering 200 OK. */
  register(): Promise<void>;
  /** Events of one call's life, without registration noise or its Call-ID report (asserted on its own). */
  callEvents(callId: string): ProviderEvent[];
}

export const BASE_CONFIG: SipConfig = {
  webSocketUrl: 'wss://pbx.test:8089/ws',
  sipUri: 'sip:1001@pbx.test',
  password: 'secret',
  iceServers: [],
  registerExpires: 600,
  // Long enough never to fire unless a test wants it to; every test ends its calls or stops the line.
  iceGatheringTimeoutMs: 10_000,
  startTimeoutMs: 2_000
};

export function openLine(t: TestContext, config: Partial<SipConfig> = {}, deps: SipProviderDeps = {}): Line {
  const events: ProviderEvent[] = [];
  const warnings: string[] = [];
  const userAgents: FakeUserAgent[] = [];
  const provider = createSipProvider(
    { ...BASE_CONFIG, ...config },
    {
      logger: { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined },
      createUserAgent: (configuration) => {
        const ua = new FakeUserAgent(configuration);
        userAgents.push(ua);
        return ua;
      },
      ...deps
    }
  );
  provider.onEvent((event) => events.push(event));
  t.after(() => provider.stop());
  const ua = () => {
    const last = userAgents.at(-1);
    if (!last) throw new Error('provider has not built a UA yet');
    return last;
  };
  return {
    provider,
    events,
    warnings,
    userAgents,
    ua,
    async register() {
      const started = provider.start();
      ua().register();
      await started;
    },
    callEvents: (callId) =>
      events.filter(
        (event) => event.type !== 'registration' && event.type !== 'identified' && event.callId === callId
      )
  };
}

/** Registered line with one outbound call `c1` to 1002 that the far end answered. */
export async function connectedOutbound(
  t: TestContext,
  config: Partial<SipConfig> = {}
): Promise<{ line: Line; session: FakeSession }> {
  const line = openLine(t, config);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.ring();
  session.farEndAnswers();
  return { line, session };
}

/** Lets queued microtasks and immediates run (events the provider defers). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
