import type { EventInput } from '../call/types';
import type { ProviderEvent } from '../telephony/provider';

/** What the line reported, as the machine's event (the provider never decides call state). */
export function machineEventFrom(event: ProviderEvent): EventInput {
  switch (event.type) {
    case 'registration':
      return event.reason
        ? { type: 'REGISTRATION', state: event.state, reason: event.reason }
        : { type: 'REGISTRATION', state: event.state };
    case 'incoming': {
      const { callId, from, displayName, sipCallId } = event;
      return {
        type: 'INCOMING',
        callId,
        from,
        ...(displayName ? { displayName } : {}),
        ...(sipCallId ? { sipCallId } : {})
      };
    }
    case 'identified':
      return { type: 'IDENTIFIED', callId: event.callId, sipCallId: event.sipCallId };
    case 'progress':
      return { type: 'PROGRESS', callId: event.callId };
    case 'connected':
      return { type: 'CONNECTED', callId: event.callId };
    case 'held':
      return { type: 'HELD', callId: event.callId, held: event.held };
    case 'quality':
      return {
        type: 'QUALITY_SAMPLE',
        callId: event.callId,
        rttMs: event.rttMs,
        jitterMs: event.jitterMs,
        lossPercent: event.lossPercent,
        codec: event.codec
      };
    case 'ended':
      return event.detail
        ? { type: 'ENDED', callId: event.callId, cause: event.cause, detail: event.detail }
        : { type: 'ENDED', callId: event.callId, cause: event.cause };
  }
}
