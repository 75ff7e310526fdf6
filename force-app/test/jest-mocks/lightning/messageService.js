/**
 * Stateful stand-in for lightning/messageService (replaces the bare jest.fn() stub in
 * @salesforce/sfdx-lwc-jest/src/lightning-stubs/messageService/messageService.js, as lwc-recipes does):
 * publish() delivers the message to every handler subscribed to that channel, subscribe() returns a
 * subscription handle and unsubscribe() removes it. Tests drive subscribers by publishing.
 * The delivery rules (synchronous, to the publisher's own subscription too) are the emulator's as well:
 * both use ../../lightning-stand-ins/messageBroker.js.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { createMessageBroker } from '../../lightning-stand-ins/messageBroker';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');
export const MessageContext = createTestWireAdapter(jest.fn());
export const createMessageChannel = jest.fn();
export const createMessageContext = jest.fn();
export const releaseMessageContext = jest.fn();

const broker = createMessageBroker();

export const subscribe = jest.fn((messageContext, messageChannel, listener) =>
    broker.subscribe(messageChannel, listener)
);

export const unsubscribe = jest.fn((subscription) => broker.unsubscribe(subscription));

export const publish = jest.fn((messageContext, messageChannel, message) =>
    broker.deliver(messageChannel, message)
);

/** Test helper: how many live subscriptions a channel has. */
export function getSubscriberCount(messageChannel) {
    return broker.subscriberCount(messageChannel);
}
