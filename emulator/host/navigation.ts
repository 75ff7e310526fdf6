/** Host navigation: every move is recorded in state.navigation and reported to onNavigationChange. */
import type { Json, JsonObject } from '../shared/protocol';
import { recordName } from './data';
import type { NavigationEntry, Page, Store } from './store';

export class Navigator {
  constructor(
    private readonly store: Store,
    private readonly hostOrigin: string,
    private readonly notify: (payload: JsonObject) => void
  ) {}

  urlOf(page: Page): string {
    const base = this.hostOrigin;
    switch (page.kind) {
      case 'home':
        return `${base}/lightning/page/home`;
      case 'record': {
        const record = this.store.findRecord(page.recordId);
        return `${base}/lightning/r/${record?.objectType ?? 'sObject'}/${page.recordId}/view`;
      }
      case 'objecthome':
        return `${base}/lightning/o/${page.scope}/home`;
      case 'list':
        return `${base}/lightning/o/${page.scope}/list?filterName=${encodeURIComponent(page.listViewId)}`;
      case 'search':
        return `${base}/lightning/search?searchString=${encodeURIComponent(page.searchString)}`;
      case 'url':
        return page.url.startsWith('/') ? `${base}${page.url}` : page.url;
      case 'flow':
        return `${base}/flow/${page.flowDevName}`;
    }
  }

  /** getAppViewInfo / onNavigationChange payload: record details on a record page, only `url` elsewhere. */
  viewInfo(): JsonObject {
    const page = this.store.state.page;
    const url = this.urlOf(page);
    if (page.kind !== 'record') return { url };
    const record = this.store.findRecord(page.recordId);
    return {
      url,
      recordId: record?.Id ?? page.recordId,
      recordName: record ? recordName(record) : '',
      objectType: record?.objectType ?? ''
    };
  }

  go(page: Page, source: string, detail?: JsonObject): void {
    const entry: NavigationEntry = { at: Date.now(), kind: page.kind, url: this.urlOf(page), source };
    if (page.kind === 'record') entry.recordId = page.recordId;
    if (detail) entry.detail = detail;
    this.store.update((s) => {
      s.page = page;
      s.modal = null;
      s.navigation.push(entry);
    });
    this.notify(this.viewInfo());
  }

  /** The new-record modal opens over the current page; Lightning reports it as a navigation too. */
  openNewRecord(entityName: string, defaultFieldValues: Record<string, Json>, source: string): void {
    const url = `${this.hostOrigin}/lightning/o/${entityName}/new`;
    this.store.update((s) => {
      s.modal = { entityName, defaultFieldValues };
      s.navigation.push({
        at: Date.now(),
        kind: 'newRecord',
        url,
        source,
        detail: { entityName, defaultFieldValues }
      });
    });
    this.notify({ url });
  }
}
