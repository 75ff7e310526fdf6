/**
 * The platform-module stand-ins reach the emulator's host page through this one link, set by the
 * bundle's entry before any component is created (see emulator/lwc/platform.ts for its shape).
 */
let current = null;

export function connectHost(emulatorHost) {
  current = emulatorHost;
}

/** The host, or null where there is none (the jest suite, which renders this lightning-click-to-dial too). */
export function connectedHost() {
  return current;
}

export function host() {
  if (!current) throw new Error('The LWC platform stand-ins are not connected to the emulator host page');
  return current;
}
