/**
 * The compiled LWC runtime, as the host page imports it. This file is only a typed placeholder: the
 * emulator's bundler (emulator/server/bundle.ts) replaces its contents with the output of
 * emulator/lwc/build.ts (the engine, synthetic shadow, switchboardClickToDial and the platform
 * stand-ins, compiled by @lwc/rollup-plugin). Reaching this code means the host page was bundled
 * without that step.
 */
import type { LwcHost, RecordComponentProps } from './platform';

/**
 * Creates `<c-switchboard-click-to-dial>` with the engine's createElement and sets its properties;
 * the caller inserts it (connectedCallback and the wires run on insertion).
 */
export function createRecordComponent(_host: LwcHost, _props: RecordComponentProps): HTMLElement {
  throw new Error(
    'emulator/lwc/runtime.ts was bundled without the LWC build: bundle the host page with emulator/server/bundle.ts'
  );
}
