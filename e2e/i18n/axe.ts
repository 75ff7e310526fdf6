/** axe-core (WCAG 2.1 A/AA, as e2e/softphone/accessibility.test.ts runs it) over part of a page. */
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Violations inside `include` (a CSS selector; the whole document when omitted). */
export async function axeViolations(scope: Page | Frame, include?: string): Promise<AxeViolation[]> {
  if (!(await scope.evaluate(() => 'axe' in window))) await scope.addScriptTag({ path: AXE });
  return scope.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
    });
    return result.violations;
  }, include ?? null);
}

export const formatViolations = (where: string, found: readonly AxeViolation[]): string =>
  `${where}:\n${found
    .map(
      (v) =>
        `  ${v.impact ?? ''} ${v.id}: ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`
    )
    .join('\n')}`;
