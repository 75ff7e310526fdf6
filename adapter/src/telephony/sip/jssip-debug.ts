import * as JsSIP from 'jssip';

/** The part of the `debug` package (exposed as `JsSIP.debug`) that decides what JsSIP prints. */
export interface DebugSwitch {
  disable(): string;
  /** Persists the namespaces (browser: `localStorage.debug`); `enable`/`disable` call it through the property. */
  save?: (namespaces: string) => void;
}

/**
 * JsSIP prints every SIP message it sends and receives (numbers, display names, digest headers)
 * through the `debug` package, which switches itself on from `localStorage.debug` when the script
 * loads. That storage is shared by every Visualforce page of the org's origin, so anyone can turn it
 * on, and the output goes straight to the console past our redacting logger. So it is switched off
 * before any user agent exists. `disable()` would also delete `localStorage.debug`, a setting that
 * belongs to whoever made it on that shared origin, so it runs with persistence bypassed.
 */
export function silenceJsSipDebug(debug: DebugSwitch = JsSIP.debug as unknown as DebugSwitch): void {
  const save = debug.save;
  if (save) debug.save = () => undefined;
  try {
    debug.disable();
  } finally {
    if (save) debug.save = save;
  }
}
