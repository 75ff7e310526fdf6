import type { SipCredentials } from './sip/sip-config';

/**
 * "Remember on this device": only when the agent ticks it, in this browser's localStorage for the
 * Visualforce domain, and removed on logout. Never in metadata, the bundle or logs.
 */
const KEY = 'switchboard:sip-credentials:v1';

export interface CredentialStore {
  load(): SipCredentials | null;
  save(credentials: SipCredentials): void;
  forget(): void;
}

export function localCredentialStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): CredentialStore {
  return {
    load() {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return null;
        const parsed = JSON.parse(raw) as Partial<SipCredentials>;
        if (typeof parsed.user !== 'string' || typeof parsed.password !== 'string' || !parsed.user) return null;
        return { user: parsed.user, password: parsed.password, ...(typeof parsed.displayName === 'string' && parsed.displayName ? { displayName: parsed.displayName } : {}) };
      } catch {
        return null;
      }
    },
    save(credentials) {
      try {
        storage?.setItem(KEY, JSON.stringify({ user: credentials.user, password: credentials.password, displayName: credentials.displayName }));
      } catch {
        // Storage may be full or blocked in a third-party frame; the agent simply logs in again next time.
      }
    },
    forget() {
      try {
        storage?.removeItem(KEY);
      } catch {
        // Same as above: nothing to clean up if storage is unavailable.
      }
    }
  };
}
