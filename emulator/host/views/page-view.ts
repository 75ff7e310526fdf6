/**
 * Keeps the centre of the page in step with the store. A record page's component
 * (`<c-switchboard-click-to-dial>`) is created once per visit and never moved: moving an LWC element
 * disconnects and reconnects it, which would re-run its connectedCallback (and its catch-up request) on
 * every re-render. Everything around it is rebuilt on each render, as the rest of the host page is.
 */
import type { SRecord } from '../data';
import type { Page, Store } from '../store';
import { fill, h } from './dom';
import { recordActivity, recordTop, renderPage, type PageActions } from './record-page';

interface MountedRecordPage {
  recordId: string;
  shell: HTMLElement;
  top: HTMLElement;
  activity: HTMLElement;
}

export class PageView {
  private mounted: MountedRecordPage | null = null;

  constructor(
    private readonly region: HTMLElement,
    private readonly createComponent: (record: SRecord) => HTMLElement | null
  ) {}

  render(store: Store, page: Page, actions: PageActions): void {
    const record = page.kind === 'record' ? store.findRecord(page.recordId) : undefined;
    if (!record) {
      this.mounted = null;
      fill(this.region, renderPage(store, page, actions));
      return;
    }
    const mounted =
      this.mounted?.recordId === record.Id && this.region.contains(this.mounted.shell)
        ? this.mounted
        : this.mount(record);
    fill(mounted.top, ...recordTop(store, record, actions));
    fill(mounted.activity, recordActivity(store, record));
  }

  private mount(record: SRecord): MountedRecordPage {
    const top = h('div', {});
    const slot = h('div', {
      class: 'slds-p-horizontal_medium slds-m-bottom_medium',
      dataId: 'record-component'
    });
    const activity = h('div', {});
    const shell = h('div', { dataId: `record-${record.Id}` }, top, slot, activity);
    // The old page (and its component) leaves the document first, then the new component connects.
    fill(this.region, shell);
    const component = this.createComponent(record);
    if (component) slot.appendChild(component);
    else slot.remove();
    this.mounted = { recordId: record.Id, shell, top, activity };
    return this.mounted;
  }
}
