/**
 * The browser notification for a ring nobody can hear. Permission is asked only from the agent's own
 * click (enabling ringing, choosing a ringtone device), never on load: browsers quiet or refuse requests
 * that come without a gesture, and an agent who never asked would see a prompt out of nowhere. A denied,
 * unavailable or throwing Notification is quietly a no-op; the prompt and the flashing item still show.
 */

/** The part of the Notification API used here; the browser's `Notification`, or a fake in tests. */
export interface NotificationApi {
  readonly permission: string;
  requestPermission(): Promise<string>;
  new (title: string, options?: NotificationOptions): { close(): void; onclick: unknown };
}

export class DesktopNotice {
  private shown: { close(): void } | null = null;

  constructor(private readonly api: NotificationApi | null) {}

  /** Asks once, from a click; never throws. */
  requestPermission(): void {
    const api = this.api;
    if (api?.permission !== 'default') return;
    try {
      void api.requestPermission().catch(() => undefined);
    } catch {
      // Old Safari takes a callback and returns nothing; a refusal is fine either way.
    }
  }

  /** Shows the notice for one call (its id tags it, so a second show replaces rather than stacks). */
  show(callId: string, title: string, body: string): boolean {
    const api = this.api;
    if (api?.permission !== 'granted' || this.shown) return false;
    try {
      const notice = new api(title, { body, tag: `switchboard-ring-${callId}`, requireInteraction: true });
      notice.onclick = () => {
        (globalThis as { focus?: () => void }).focus?.();
        notice.close();
      };
      this.shown = notice;
      return true;
    } catch {
      // Chromium on Android throws for page notifications (service worker only): the other signals remain.
      return false;
    }
  }

  close(): void {
    this.shown?.close();
    this.shown = null;
  }
}

export function browserNotifications(): NotificationApi | null {
  return (globalThis as { Notification?: NotificationApi }).Notification ?? null;
}
