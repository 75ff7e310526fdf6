/**
 * The SIP Call-ID, as the Task's CallObject: the PBX writes the same value into its CDRs and recording
 * names, so it is what joins them to the Task. It comes from the network, so it is checked before use.
 *
 * RFC 3261 §25.1: `callid = word [ "@" word ]`, where a word is one or more of alphanum and
 * `- . ! % * _ + \` ' ~ ( ) < > : \ " / [ ] ? { }`. Task.CallObject holds 255 characters, and a
 * Call-ID that would not fit whole is not used at all: a clipped one would join nothing.
 */
export const SIP_CALL_ID_MAX = 255;

const WORD = String.raw`[A-Za-z0-9\-.!%*_+\x60'~()<>:\\"/\[\]?{}]+`;
const CALL_ID = new RegExp(`^${WORD}(?:@${WORD})?$`);

export function isSipCallId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SIP_CALL_ID_MAX && CALL_ID.test(value);
}
