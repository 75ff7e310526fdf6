/**
 * Asks for the microphone at login rather than on the first call, so a blocked permission is
 * explained while the agent is looking at the softphone, not while a customer waits.
 */
export type MicrophoneCheck = { ok: true } | { ok: false; reason: string };

export async function checkMicrophone(
  media: Pick<MediaDevices, 'getUserMedia'> | undefined
): Promise<MicrophoneCheck> {
  if (!media?.getUserMedia) {
    return {
      ok: false,
      reason:
        'This browser page cannot use a microphone (it needs a secure https page). Open Salesforce over https.'
    };
  }
  try {
    const stream = await media.getUserMedia({ audio: true, video: false });
    for (const track of stream.getTracks()) track.stop();
    return { ok: true };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return {
        ok: false,
        reason:
          'Microphone access is blocked. Allow the microphone for this site in the browser, and ask your admin to allow it for Salesforce (Setup → Session Settings → Permissions Policy, microphone).'
      };
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError')
      return { ok: false, reason: 'No microphone was found. Plug in a headset and try again.' };
    if (name === 'NotReadableError')
      return { ok: false, reason: 'The microphone is in use by another application or cannot be opened.' };
    return { ok: false, reason: `The microphone could not be opened (${name || 'unknown error'}).` };
  }
}
