import type { SipModule } from './sip/entry';

const SIP_SCRIPT = 'softphone-sip.js';
const LOAD_TIMEOUT_MS = 20_000;

/** Loads softphone-sip.js from beside the main bundle (same static resource), once. */
let loading: Promise<SipModule> | null = null;

export function loadSipModule(mainScriptUrl: string, doc: Document = document): Promise<SipModule> {
  const existing = (globalThis as { SwitchboardSip?: SipModule }).SwitchboardSip;
  if (existing) return Promise.resolve(existing);
  if (loading) return loading;
  loading = new Promise<SipModule>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = new URL(SIP_SCRIPT, mainScriptUrl).href;
    const timer = setTimeout(
      () => fail(new Error(`${SIP_SCRIPT} did not load within ${LOAD_TIMEOUT_MS / 1000} s.`)),
      LOAD_TIMEOUT_MS
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      loading = null;
      script.remove();
      reject(error);
    };
    script.onload = () => {
      clearTimeout(timer);
      const loaded = (globalThis as { SwitchboardSip?: SipModule }).SwitchboardSip;
      if (loaded) resolve(loaded);
      else fail(new Error(`${SIP_SCRIPT} loaded but did not register the SIP line.`));
    };
    script.onerror = () => fail(new Error(`${SIP_SCRIPT} could not be loaded from the static resource.`));
    doc.head.appendChild(script);
  });
  return loading;
}
