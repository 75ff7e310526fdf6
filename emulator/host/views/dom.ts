/** A tiny DOM builder: the host page is plain DOM + SLDS classes, no framework. */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  dataId?: string;
  title?: string;
  attrs?: Record<string, string>;
  onClick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.dataId) el.dataset.id = props.dataId;
  if (props.title) el.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  if (props.onClick) {
    const onClick = props.onClick;
    (el as HTMLElement).addEventListener('click', (event) => onClick(event));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child
    );
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SLDS sprite icon, e.g. icon('utility', 'call', 'slds-icon slds-icon_x-small'). */
export function icon(category: 'utility' | 'standard', name: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG_NS, 'use');
  use.setAttribute('href', `/slds/icons/${category}-sprite/svg/symbols.svg#${name}`);
  svg.appendChild(use);
  return svg;
}

/** Replace a region's content in one go. */
export function fill(region: Element, ...children: Child[]): void {
  region.replaceChildren();
  append(region, children);
}

export function card(title: string, iconName: string, dataId: string, ...body: Child[]): HTMLElement {
  return h(
    'article',
    { class: 'slds-card emu-card', dataId },
    h(
      'div',
      { class: 'slds-card__header slds-grid' },
      h(
        'header',
        { class: 'slds-media slds-media_center slds-has-flexi-truncate' },
        h(
          'div',
          { class: 'slds-media__figure' },
          icon('utility', iconName, 'slds-icon slds-icon_x-small slds-icon-text-default')
        ),
        h('div', { class: 'slds-media__body' }, h('h2', { class: 'slds-card__header-title' }, title))
      )
    ),
    h('div', { class: 'slds-card__body slds-card__body_inner' }, ...body)
  );
}

// One formatter for every timestamp: building one per call made rendering the logs the host's hottest path.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false
});

export function time(at: number): string {
  return TIME_FORMAT.format(at);
}
