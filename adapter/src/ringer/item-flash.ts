import type { Logger } from '../logging/logger';
import { fireAndLog } from '../logging/fire-and-log';
import type { HostPort } from '../opencti/port';

export interface ItemLook {
  label: string;
  icon: string;
}

export interface ItemFlashOptions {
  host: Pick<HostPort, 'setSoftphoneItemLabel' | 'setSoftphoneItemIcon'>;
  logger: Logger;
  /** What the item shows when it is not flashing: read at every step, so a restore is never stale. */
  normal: () => ItemLook;
  /** The other face of the flash. */
  alert: () => ItemLook;
  intervalMs?: number;
  /** Bounded: a ring nobody hears must not keep the utility bar blinking for the rest of the day. */
  maxToggles?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Flashes the Phone utility item (label and icon alternating) while a ring cannot be heard, and puts
 * back what the softphone shows when it stops. The host sync never learns of the flash, so stopping must
 * restore: otherwise the item would keep the alert face until the next state change.
 */
export class ItemFlash {
  private timer: unknown = null;
  private toggles = 0;
  private alerting = false;

  constructor(private readonly options: ItemFlashOptions) {}

  get flashing(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer !== null) return;
    const { intervalMs = 800, maxToggles = 40 } = this.options;
    const every = this.options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.toggles = 0;
    this.show(this.options.alert());
    this.alerting = true;
    this.timer = every(() => {
      this.toggles += 1;
      if (this.toggles >= maxToggles) return this.stop();
      this.alerting = !this.alerting;
      this.show(this.alerting ? this.options.alert() : this.options.normal());
    }, intervalMs);
  }

  stop(): void {
    if (this.timer === null) return;
    (this.options.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(this.timer);
    this.timer = null;
    if (this.alerting) this.show(this.options.normal());
    this.alerting = false;
  }

  private show(look: ItemLook): void {
    const { host, logger } = this.options;
    fireAndLog(logger, 'setSoftphoneItemLabel', host.setSoftphoneItemLabel(look.label));
    fireAndLog(logger, 'setSoftphoneItemIcon', host.setSoftphoneItemIcon(look.icon));
  }
}
