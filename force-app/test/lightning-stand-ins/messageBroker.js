/**
 * Lightning Message Service's delivery rules, shared by the jest mock (force-app/test/jest-mocks) and the
 * emulator's lightning/messageService (emulator/lwc/modules), so both deliver the way the component
 * expects: synchronously, to every subscriber of the channel including the publisher's own subscription,
 * and to the subscribers present when delivery starts (a handler may subscribe or unsubscribe meanwhile).
 * One listener that throws does not keep the message from the others.
 */
export function createMessageBroker() {
    /** channel → Map<subscription, listener> */
    const subscriptions = new Map();
    let nextId = 0;

    return {
        subscribe(channel, listener) {
            if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
            const subscription = { id: ++nextId, channel };
            if (!subscriptions.has(channel)) subscriptions.set(channel, new Map());
            subscriptions.get(channel).set(subscription, listener);
            return subscription;
        },
        /** Unsubscribing twice, or with null, is a no-op, as it is in LMS. */
        unsubscribe(subscription) {
            if (subscription) subscriptions.get(subscription.channel)?.delete(subscription);
        },
        deliver(channel, message) {
            const errors = [];
            for (const listener of [...(subscriptions.get(channel)?.values() ?? [])]) {
                try {
                    listener(message);
                } catch (error) {
                    errors.push(error);
                }
            }
            if (errors.length > 0) throw errors[0];
        },
        subscriberCount(channel) {
            return subscriptions.get(channel)?.size ?? 0;
        }
    };
}
