/**
 * Stateful stand-in for lightning/messageService (replaces the bare jest.fn() stub in
 * @salesforce/sfdx-lwc-jest/src/lightning-stubs/messageService/messageService.js, as lwc-recipes does):
 * publish() delivers the message to every handler subscribed to that channel, subscribe() returns a
 * subscription handle and unsubscribe() removes it. Tests drive subscribers by publishing.
 * Like LMS, delivery is synchronous and goes to the publisher's own subscription too.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');
export const MessageContext = createTestWireAdapter(jest.fn());
export const createMessageChannel = jest.fn();
export const createMessageContext = jest.fn();
export const releaseMessageContext = jest.fn();

/** channel → Map<subscription, handler> */
const subscriptions = new Map();
let nextId = 0;

export const subscribe = jest.fn((messageContext, messageChannel, listener) => {
    const subscription = { id: ++nextId, channel: messageChannel };
    if (!subscriptions.has(messageChannel)) subscriptions.set(messageChannel, new Map());
    subscriptions.get(messageChannel).set(subscription, listener);
    return subscription;
});

export const unsubscribe = jest.fn((subscription) => {
    if (subscription) subscriptions.get(subscription.channel)?.delete(subscription);
});

export const publish = jest.fn((messageContext, messageChannel, message) => {
    // copy first: a handler may subscribe or unsubscribe while we deliver
    for (const listener of [...(subscriptions.get(messageChannel)?.values() ?? [])]) listener(message);
});

/** Test helper: how many live subscriptions a channel has. */
export function getSubscriberCount(messageChannel) {
    return subscriptions.get(messageChannel)?.size ?? 0;
}
