/**
 * lightning/messageService on the emulator's message bus: the component's subscriptions live in the
 * broker the jest mock uses too (force-app/test/lightning-stand-ins/messageBroker.js), and one link per
 * channel connects that broker to the host's bus, where the softphone's Open CTI subscribe/publish
 * traffic flows. Publishing goes to the bus, which delivers to every subscriber, this page's included,
 * as LMS does.
 *
 * Not modelled: scopes. The emulator has one page area, so APPLICATION_SCOPE and the default (active)
 * scope deliver the same messages.
 */
import { createMessageBroker } from '../../../../../force-app/test/lightning-stand-ins/messageBroker';
import { host } from '../../../host-link';

export const APPLICATION_SCOPE = Object.freeze({ scope: 'APPLICATION' });

const broker = createMessageBroker();
/** channel → stop function of its link to the host bus */
const links = new Map();

function channelName(messageChannel) {
  if (typeof messageChannel !== 'string' || messageChannel === '') {
    throw new TypeError('A message channel imported from @salesforce/messageChannel is required');
  }
  return messageChannel;
}

function requireContext(messageContext) {
  if (!messageContext || messageContext.kind !== 'MessageContext') {
    throw new TypeError('A MessageContext from @wire(MessageContext) is required');
  }
}

export class MessageContext {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  // The context is there before connectedCallback runs: wires connect first, and this one emits at once.
  update() {
    this.dataCallback(Object.freeze({ kind: 'MessageContext' }));
  }
  connect() {}
  disconnect() {}
}

export function createMessageContext() {
  return Object.freeze({ kind: 'MessageContext' });
}

export function releaseMessageContext() {}

// subscriberOptions (the scope) is accepted and not used: see the note on scopes above.
export function subscribe(messageContext, messageChannel, listener) {
  requireContext(messageContext);
  const channel = channelName(messageChannel);
  if (!links.has(channel)) {
    links.set(
      channel,
      host().messages.subscribe(channel, (message) => broker.deliver(channel, structuredClone(message)))
    );
  }
  return broker.subscribe(channel, listener);
}

export function unsubscribe(subscription) {
  broker.unsubscribe(subscription);
  if (subscription && broker.subscriberCount(subscription.channel) === 0) {
    links.get(subscription.channel)?.();
    links.delete(subscription.channel);
  }
}

export function publish(messageContext, messageChannel, message) {
  requireContext(messageContext);
  const channel = channelName(messageChannel);
  let copy;
  try {
    // LMS only carries serializable messages; each receiver gets its own copy.
    copy = structuredClone(message ?? null);
  } catch {
    throw new TypeError('The message must be a serializable object or null');
  }
  host().messages.publish(channel, copy);
}
