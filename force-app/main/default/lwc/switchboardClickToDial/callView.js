/**
 * How a call on this record reads, per channel state: the badge and the sentence. Plain data and
 * functions, free of LWC imports apart from the labels.
 */
import { LABELS, label } from './labels';

/** How each channel call state looks. `live`: the timer ticks; otherwise the final duration shows. */
export const STATE_VIEW = {
    dialing: { label: LABELS.stateDialing, badgeClass: 'slds-badge_lightest', live: false },
    ringing: { label: LABELS.stateRinging, badgeClass: 'slds-badge_lightest', live: false },
    connected: { label: LABELS.stateConnected, badgeClass: 'slds-theme_success', live: true },
    held: { label: LABELS.stateHeld, badgeClass: 'slds-theme_warning', live: true },
    wrapUp: { label: LABELS.stateWrapUp, badgeClass: 'slds-badge_inverse', live: false },
    logging: { label: LABELS.stateLogging, badgeClass: '', live: false },
    logged: { label: LABELS.stateLogged, badgeClass: 'slds-theme_success', live: false },
    logFailed: { label: LABELS.stateLogFailed, badgeClass: 'slds-theme_error', live: false }
};

/** The sentence for each state; every one but logging and logFailed names the other party as {number}. */
const DESCRIPTION = {
    dialing: LABELS.callDialing,
    connected: LABELS.callConnected,
    held: LABELS.callHeld,
    wrapUp: LABELS.callWrapUp,
    logging: LABELS.callLogging,
    logged: LABELS.callLogged
};

export function describeCall(call) {
    // Each sentence has its own wording for a call without a number: a word like "the caller" dropped into
    // the number's place cannot take the case, article or preposition the sentence needs in most languages.
    const values = { known: call.number ? 'yes' : 'no', number: call.number || '' };
    if (call.state === 'ringing') {
        return label(call.direction === 'inbound' ? LABELS.callIncoming : LABELS.callRinging, values);
    }
    const message = DESCRIPTION[call.state];
    if (message) return label(message, values);
    return label(LABELS.callLogFailed, { error: call.error || LABELS.unknownError });
}

/** A Task's CallType picklist value (Inbound, Outbound, Internal) in the user's language. */
const DIRECTION = {
    Inbound: LABELS.directionInbound,
    Outbound: LABELS.directionOutbound,
    Internal: LABELS.directionInternal
};

export function describeDirection(callType) {
    return DIRECTION[callType] || callType || LABELS.call;
}
