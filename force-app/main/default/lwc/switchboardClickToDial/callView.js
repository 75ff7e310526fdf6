/**
 * How a call on this record reads, per channel state: the badge and the sentence. Plain data and
 * functions, free of LWC imports.
 */

/** How each channel call state looks. `live`: the timer ticks; otherwise the final duration shows. */
export const STATE_VIEW = {
    dialing: { label: 'Dialing', badgeClass: 'slds-badge_lightest', live: false },
    ringing: { label: 'Ringing', badgeClass: 'slds-badge_lightest', live: false },
    connected: { label: 'Connected', badgeClass: 'slds-theme_success', live: true },
    held: { label: 'On hold', badgeClass: 'slds-theme_warning', live: true },
    wrapUp: { label: 'Wrap-up', badgeClass: 'slds-badge_inverse', live: false },
    logging: { label: 'Logging', badgeClass: '', live: false },
    logged: { label: 'Logged', badgeClass: 'slds-theme_success', live: false },
    logFailed: { label: 'Log failed', badgeClass: 'slds-theme_error', live: false }
};

export function describeCall(call) {
    const who = call.number || 'the caller';
    switch (call.state) {
        case 'dialing':
            return `Calling ${who}…`;
        case 'ringing':
            return call.direction === 'inbound' ? `Incoming call from ${who}` : `Ringing ${who}…`;
        case 'connected':
            return `On a call with ${who}`;
        case 'held':
            return `${who} is on hold`;
        case 'wrapUp':
            return `Call with ${who} ended. Finish the wrap-up in the Phone utility.`;
        case 'logging':
            return 'Saving the call log…';
        case 'logged':
            return `Call with ${who} logged.`;
        default:
            return `The call log couldn't be saved: ${call.error || 'unknown error'}`;
    }
}
