import { fireAndLog } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import { PANEL_HEIGHT_RANGE, type HostPort } from '../opencti/port';

const PANEL_WIDTH = 340;
/** setSoftphonePanelHeight sizes the whole utility panel, whose header (label, minimise) sits above our frame. */
const PANEL_HEADER_PX = 40;
/** Smaller changes are not worth a host round trip (and would chase sub-pixel layout jitter). */
const MIN_CHANGE_PX = 4;

/** The utility panel: its width set once, its height following the content within the platform's limits. */
export class PanelSize {
  private widthSent = false;
  private lastHeight = 0;

  constructor(
    private readonly host: Pick<HostPort, 'setSoftphonePanelWidth' | 'setSoftphonePanelHeight'>,
    private readonly root: HTMLElement,
    private readonly logger: Logger
  ) {}

  /** Follows the content from now on, so nothing scrolls inside a call. */
  observe(): void {
    new ResizeObserver(() => this.fit()).observe(this.root);
  }

  /** After each render: the width the first time, then the height if the content changed it. */
  rendered(): void {
    if (!this.widthSent) {
      this.widthSent = true;
      fireAndLog(this.logger, 'setSoftphonePanelWidth', this.host.setSoftphonePanelWidth(PANEL_WIDTH));
    }
    this.fit();
  }

  private fit(): void {
    const wanted = Math.ceil(this.root.getBoundingClientRect().height) + PANEL_HEADER_PX + 2;
    const height = Math.min(PANEL_HEIGHT_RANGE.max, Math.max(PANEL_HEIGHT_RANGE.min, wanted));
    if (Math.abs(height - this.lastHeight) < MIN_CHANGE_PX) return;
    this.lastHeight = height;
    fireAndLog(this.logger, 'setSoftphonePanelHeight', this.host.setSoftphonePanelHeight(height));
  }
}
