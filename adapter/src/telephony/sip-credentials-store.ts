import { maxLength, minLength, object, optional, pipe, safeParse, string } from 'valibot';
import type { KeyValueStore } from '../persistence/safe-storage';
import type { SipCredentials } from './sip/sip-config';

/**
 * "Remember on this device": only when the agent ticks it and the call center allows it
 * (`switchboard/allowRememberPassword`), removed on logout and whenever a login fails. Never in
 * metadata, the bundle or logs. The store it is given is bound to the Salesforce user
 * (persistence/storage-scope.ts), so the next person on this browser never gets it.
 * It is still plaintext in the browser's storage for the org's Visualforce origin: see
 * docs/reliability.md, "What is stored in the browser".
 */
const NAME = 'sip-credentials:v1';

export interface CredentialStore {
  load(): SipCredentials | null;
  save(credentials: SipCredentials): void;
  forget(): void;
}

// The same bounds as the login form's fields.
const CredentialsSchema = object({
  user: pipe(string(), minLength(1), maxLength(128)),
  password: pipe(string(), maxLength(256)),
  displayName: optional(pipe(string(), maxLength(256)))
});

export function localCredentialStore(store: KeyValueStore): CredentialStore {
  return {
    load() {
      const raw = store.get(NAME);
      if (!raw) return null;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      const parsed = safeParse(CredentialsSchema, json);
      if (!parsed.success) {
        // Unreadable credentials are no use to anyone: gone, rather than kept around.
        store.remove(NAME);
        return null;
      }
      const { user, password, displayName } = parsed.output;
      return { user, password, ...(displayName ? { displayName } : {}) };
    },
    save(credentials) {
      store.set(
        NAME,
        JSON.stringify({
          user: credentials.user,
          password: credentials.password,
          displayName: credentials.displayName
        })
      );
    },
    forget() {
      store.remove(NAME);
    }
  };
}
