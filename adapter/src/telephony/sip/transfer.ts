import type { RTCSession } from 'jssip/lib/RTCSession';

/**
 * Blind transfer of `session` to `target` by REFER. Resolves once the far end's NOTIFY reports
 * that the target answered (2xx), after `onAccepted` ran; rejects when the far end refuses the
 * REFER, the target fails, or the session cannot send a REFER at all.
 */
export function referTo(session: RTCSession, target: string, onAccepted: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (why: string) => () => reject(new Error(`Transfer failed: ${why}`));
    try {
      // Typed void, but JsSIP returns false (and sends nothing) when the dialog is not confirmed yet.
      const sent: unknown = session.refer(target, {
        eventHandlers: {
          requestFailed: failed('the other party refused the transfer request'),
          failed: failed('the transfer target did not answer'),
          accepted: () => {
            onAccepted();
            resolve();
          }
        }
      });
      if (sent === false) failed('the call is not ready for a transfer yet')();
    } catch (error) {
      // JsSIP throws a TypeError for targets it cannot turn into a SIP URI.
      reject(error instanceof Error ? error : new Error('invalid transfer target'));
    }
  });
}
