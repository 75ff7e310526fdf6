import { t } from '../i18n/labels';

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
      reason: t('Switchboard_Mic_Insecure')
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
        reason: t('Switchboard_Mic_Blocked')
      };
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError')
      return { ok: false, reason: t('Switchboard_Mic_NotFound') };
    if (name === 'NotReadableError') return { ok: false, reason: t('Switchboard_Mic_InUse') };
    return { ok: false, reason: t('Switchboard_Mic_Failed', { error: name || 'Error' }) };
  }
}
