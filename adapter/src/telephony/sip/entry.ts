/**
 * The SIP line as its own script (softphone-sip.js in the static resource): JsSIP is most of the
 * adapter's weight, and a demo-line or not-yet-logged-in softphone never needs it. The main bundle
 * loads this file on login and picks the module up from the global below.
 */
import { silenceJsSipDebug } from './jssip-debug';
import { createSipProvider } from './sip-provider';
import { sipConfigFromSettings } from './sip-config';

// At once (JsSIP has just read localStorage.debug), and again at every SIP start below.
silenceJsSipDebug();

export const sipModule = {
  createSipProvider: (
    ...args: Parameters<typeof createSipProvider>
  ): ReturnType<typeof createSipProvider> => {
    silenceJsSipDebug();
    return createSipProvider(...args);
  },
  sipConfigFromSettings
};
export type SipModule = typeof sipModule;

(globalThis as { SwitchboardSip?: SipModule }).SwitchboardSip = sipModule;
