/**
 * Drops ICE candidates from an SDP blob. Used by the E2E harness to keep media strictly on
 * 127.0.0.1 when the suite runs outside a network namespace; a deployment could use the same
 * hook to hide, say, VPN interfaces. Pure string work, so it is unit tested.
 */
export function keepCandidates(sdp: string, keep: (address: string) => boolean): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  return sdp
    .split(eol)
    .filter((line) => {
      if (!line.startsWith('a=candidate:')) return true;
      // a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ ...
      const address = line.split(' ')[4];
      return address !== undefined && keep(address);
    })
    .join(eol);
}

export const isLoopbackAddress = (address: string): boolean => address === '127.0.0.1' || address === '::1';

export function keepLoopbackCandidates(sdp: string): string {
  return keepCandidates(sdp, isLoopbackAddress);
}
