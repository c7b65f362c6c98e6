import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One serious or critical finding, short enough to read in a failed expectation. */
export interface AxeFinding {
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Runs axe-core (injected as source, so the page's own code is not changed) over the whole page or
 * the element `scope` selects, open shadow roots included, and gives the critical and serious violations.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol: the console's Content-Security-Policy allows no inline script.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResults> } }
    ).axe;
    const context = selector ? { include: [selector] } : document;
    const results = await axe.run(context, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)),
      }));
  }, scope);
}

/** The part of axe-core's result this helper reads. */
interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    nodes: { target: string[]; failureSummary?: string }[];
  }[];
}
