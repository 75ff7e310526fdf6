/**
 * What the i18n e2e suites look for on a page: text the agent sees that did not come through a label (in
 * the pseudo-locale every label is bracketed ⟦…⟧, so anything else with letters bypassed the labels), and
 * controls whose text does not fit (longer languages overflow or clip a button sized for English).
 * Both walk shadow roots, so the record card's LWC (synthetic shadow) is searched like the softphone.
 */
import type { Frame, Page } from 'playwright-core';

/**
 * Runs `fn(arg)` in the page. tsx compiles this file with esbuild's keepNames, which wraps named inner
 * functions in a `__name(…)` helper the page does not have; the string form brings a stand-in along.
 */
function inPage<A, R>(scope: Page | Frame, fn: (arg: A) => R, arg: A): Promise<R> {
  return scope.evaluate(
    `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`
  ) as Promise<R>;
}

export interface TextFinding {
  /** Where: the element's data-id, or its tag and classes. */
  where: string;
  text: string;
}

/** Controls and badges whose text must fit at the default panel width. */
const CONTROLS =
  'button, a, select, input, label, summary, [role="button"], [role="tab"], .slds-badge, .slds-pill, .slds-truncate, [class*="sb-"]';

/**
 * Visible text under `root` (a CSS selector, searched through shadow roots) whose letters are not inside
 * ⟦…⟧, minus data the agent's org supplies (`data`: record names, numbers, field labels; `dataSelectors`:
 * elements that show a stored value), which no label could translate. Assistive text counts: a screen-reader user hears it.
 */
export function untranslatedText(
  scope: Page | Frame,
  root: string,
  data: readonly string[],
  dataSelectors: readonly string[] = []
): Promise<TextFinding[]> {
  return inPage(
    scope,
    ({ root, data, skipped }: { root: string; data: string[]; skipped: string }): TextFinding[] => {
      const found: { where: string; text: string }[] = [];
      const seen = new Set<Node>();
      const describe = (el: Element): string =>
        el.getAttribute('data-id') ??
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      const skip = (el: Element): boolean => el.closest(skipped) !== null;
      const check = (text: string, el: Element) => {
        let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
        for (const d of data) rest = rest.split(d).join(' ');
        if (/[A-Za-z]/.test(rest))
          found.push({ where: describe(el), text: text.replace(/\s+/g, ' ').trim() });
      };
      const walk = (node: Node, depth: number) => {
        if (depth > 60 || seen.has(node)) return;
        seen.add(node);
        if (node.nodeType === Node.TEXT_NODE) {
          const el = node.parentElement;
          if (el && !skip(el) && el.checkVisibility() && (node.textContent ?? '').trim())
            check(node.textContent ?? '', el);
          return;
        }
        if (node instanceof Element) {
          if (node.shadowRoot) node.shadowRoot.childNodes.forEach((c) => walk(c, depth + 1));
          // Accessible names from attributes are text too.
          for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
            if (node.hasAttribute(name) && node.checkVisibility() && !skip(node))
              check(node.getAttribute(name) ?? '', node);
        }
        node.childNodes.forEach((c) => walk(c, depth + 1));
      };
      const deepQuery = (selector: string): Element | null => {
        const queue: (Document | ShadowRoot)[] = [document];
        for (let i = 0; i < queue.length && i < 5000; i++) {
          const hit = queue[i]!.querySelector(selector);
          if (hit) return hit;
          queue[i]!.querySelectorAll('*').forEach((e) => e.shadowRoot && queue.push(e.shadowRoot));
        }
        return null;
      };
      const start = deepQuery(root);
      if (!start) throw new Error(`no ${root} on the page`);
      walk(start, 0);
      return found;
    },
    {
      root,
      data: [...data],
      // Data a label does not carry: platform-formatted dates and the numbers a click-to-dial shows.
      skipped: [
        'lightning-formatted-date-time',
        'lightning-click-to-dial',
        'script',
        'style',
        'template',
        ...dataSelectors
      ].join(', ')
    }
  );
}

/**
 * Controls under `root` whose content is wider than the control (it spills out or is cut), text cut with an
 * ellipsis that no title reveals, and controls that reach past the page's right edge (clipped by the panel).
 */
export function overflowingControls(scope: Page | Frame, root: string): Promise<TextFinding[]> {
  return inPage(
    scope,
    ({ root, selector }: { root: string; selector: string }): TextFinding[] => {
      const found: { where: string; text: string }[] = [];
      const describe = (el: Element): string =>
        el.getAttribute('data-id') ??
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      const elements: Element[] = [];
      const collect = (scopeRoot: Document | ShadowRoot | Element, depth: number) => {
        if (depth > 30) return;
        scopeRoot.querySelectorAll('*').forEach((el) => {
          if (el.matches(selector)) elements.push(el);
          if (el.shadowRoot) collect(el.shadowRoot, depth + 1);
        });
      };
      const queue: (Document | ShadowRoot)[] = [document];
      let start: Element | null = null;
      for (let i = 0; i < queue.length && i < 5000 && !start; i++) {
        start = queue[i]!.querySelector(root);
        queue[i]!.querySelectorAll('*').forEach((e) => e.shadowRoot && queue.push(e.shadowRoot));
      }
      if (!start) throw new Error(`no ${root} on the page`);
      collect(start, 0);
      if (start.shadowRoot) collect(start.shadowRoot, 0);
      const pageRight = document.documentElement.clientWidth;
      for (const el of new Set(elements)) {
        if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
        const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        // Assistive text is clipped to 1 px on purpose (a screen reader reads it whole).
        if (rect.width <= 1 || rect.height <= 1 || el.closest('.slds-assistive-text')) continue;
        // Inputs scroll their own value by design; what matters is that they fit the panel.
        const scrollsItself = el.matches('input, select, textarea');
        if (!scrollsItself && el.scrollWidth > el.clientWidth + 1 && style.display !== 'inline') {
          const cut = style.textOverflow === 'ellipsis';
          if (!cut || !el.title)
            found.push({
              where: describe(el),
              text: `${cut ? 'truncated without a title' : 'overflows'} (${el.scrollWidth} > ${el.clientWidth} px): ${text}`
            });
        }
        if (rect.right > pageRight + 1)
          found.push({
            where: describe(el),
            text: `clipped at the right edge (${Math.round(rect.right)} > ${pageRight} px): ${text}`
          });
      }
      return found;
    },
    { root, selector: CONTROLS }
  );
}

export const formatFindings = (what: string, findings: readonly TextFinding[]): string =>
  `${what}:\n${findings.map((f) => `  [${f.where}] ${f.text}`).join('\n')}`;
