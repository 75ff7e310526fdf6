/**
 * Puts a media relay between the customer phone and whoever it talks to (the call-quality E2E suite, whose
 * relay drops and delays packets on loopback). Every ICE candidate of an SDP is replaced by one host
 * candidate at 127.0.0.1:<port>, and the connection and media lines follow, so both ends can only
 * reach each other through the relay. Pure string work.
 */
export function pointCandidatesAt(sdp: string, port: number): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  let placed = false;
  for (const line of sdp.split(eol)) {
    if (line.startsWith('a=candidate:')) {
      if (!placed) out.push(`a=candidate:1 1 udp 2122260223 127.0.0.1 ${port} typ host generation 0`);
      placed = true;
      continue;
    }
    if (line.startsWith('c=IN IP')) {
      out.push('c=IN IP4 127.0.0.1');
      continue;
    }
    const media = /^m=audio \d+ (.*)$/.exec(line);
    out.push(media ? `m=audio ${port} ${media[1]}` : line);
  }
  return out.join(eol);
}

/** `?relay=<port the far end is sent to>,<port we are sent to>`; null when absent or malformed. */
export function relayPorts(param: string | null): { local: number; remote: number } | null {
  const match = /^(\d{1,5}),(\d{1,5})$/.exec(param ?? '');
  if (!match) return null;
  const [local, remote] = [Number(match[1]), Number(match[2])];
  return local > 0 && local < 65536 && remote > 0 && remote < 65536 ? { local, remote } : null;
}
