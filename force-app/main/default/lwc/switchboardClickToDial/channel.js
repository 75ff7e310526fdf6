/**
 * The component side of the Switchboard_Call__c message contract.
 * Mirrors adapter/src/channel/contract.ts (the adapter's TypeScript schema): keep the two in step.
 * Channel traffic is untrusted, so adapter messages are narrowed field by field before use.
 */

export const CHANNEL_SCHEMA_VERSION = 1;
export const ADAPTER_SOURCE = 'switchboard-adapter';
export const COMPONENT_SOURCE = 'switchboard-component';

/** Every `state` a `status` message may carry (ChannelCallState). */
export const CALL_STATES = Object.freeze([
    'dialing',
    'ringing',
    'connected',
    'held',
    'wrapUp',
    'logging',
    'logged',
    'logFailed'
]);

const DIRECTIONS = ['inbound', 'outbound'];

const isString = (v) => typeof v === 'string';
const isNullableString = (v) => v === null || isString(v);
const isNullableNumber = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));

function parseStatus(m) {
    const valid =
        isString(m.callId) &&
        m.callId.length > 0 &&
        isNullableString(m.recordId) &&
        DIRECTIONS.includes(m.direction) &&
        CALL_STATES.includes(m.state) &&
        isString(m.number) &&
        typeof m.startedAt === 'number' &&
        Number.isFinite(m.startedAt) &&
        isNullableNumber(m.connectedAt) &&
        isNullableNumber(m.endedAt) &&
        isNullableString(m.taskId) &&
        isNullableString(m.error);
    if (!valid) return null;
    return {
        source: ADAPTER_SOURCE,
        version: CHANNEL_SCHEMA_VERSION,
        type: 'status',
        callId: m.callId,
        recordId: m.recordId,
        direction: m.direction,
        state: m.state,
        number: m.number,
        startedAt: m.startedAt,
        connectedAt: m.connectedAt,
        endedAt: m.endedAt,
        taskId: m.taskId,
        error: m.error
    };
}

/**
 * Narrows channel traffic to an adapter message (CallStatusMessage or ReadinessMessage).
 * Returns null for anything else: other senders, other schema versions, our own requests, bad shapes.
 * @param {unknown} value
 */
export function parseAdapterMessage(value) {
    if (typeof value !== 'object' || value === null) return null;
    const m = /** @type {Record<string, unknown>} */ (value);
    if (m.source !== ADAPTER_SOURCE || m.version !== CHANNEL_SCHEMA_VERSION) return null;
    if (m.type === 'ready') {
        if (typeof m.ready !== 'boolean') return null;
        return {
            source: ADAPTER_SOURCE,
            version: CHANNEL_SCHEMA_VERSION,
            type: 'ready',
            ready: m.ready,
            provider: isString(m.provider) ? m.provider : null
        };
    }
    if (m.type === 'status') return parseStatus(m);
    return null;
}

/** StateRequestMessage: "tell me everything you know", sent on load (Lightning keeps no history). */
export function stateRequest(recordId) {
    const message = { source: COMPONENT_SOURCE, version: CHANNEL_SCHEMA_VERSION, type: 'stateRequest' };
    return recordId ? { ...message, recordId } : message;
}

/** RetryLogMessage: retry a failed call log. */
export function retryLog(callId) {
    return { source: COMPONENT_SOURCE, version: CHANNEL_SCHEMA_VERSION, type: 'retryLog', callId };
}

/**
 * True when two record ids name the same record. Compares the case-sensitive 15-character
 * form, so a 15-character id from the adapter matches the page's 18-character id.
 */
export function sameRecord(a, b) {
    if (!isString(a) || !isString(b) || a.length < 15 || b.length < 15) return false;
    return a.slice(0, 15) === b.slice(0, 15);
}
