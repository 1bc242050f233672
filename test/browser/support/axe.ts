import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// axe-core (the accessibility engine) run inside the page under test. Its source is evaluated in the page
// (not a script tag: the app's Content-Security-Policy, script-src 'self', blocks inline scripts, and
// Playwright's evaluate is not subject to it), then `axe.run` checks the page against the WCAG 2.0/2.1/2.2 A and AA rules. This file compiles
// without the DOM's types: the in-page part is a string expression.

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG success-criterion tags the check is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe on `page` (or only inside `include`, a CSS selector) and returns the serious and critical
 * violations, each as one readable line: rule, impact, help and the first few elements it found.
 */
export async function seriousViolations(page: Page, opts: { include?: string } = {}): Promise<string[]> {
  const present = await page.evaluate<boolean>('typeof window.axe === "object"');
  if (!present) await page.evaluate(AXE_SOURCE);
  const context = opts.include ? JSON.stringify({ include: [opts.include] }) : 'document';
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const violations = await page.evaluate<AxeViolation[]>(
    `window.axe.run(${context}, ${options}).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(formatViolation);
}

export function formatViolation(v: AxeViolation): string {
  const targets = v.nodes
    .slice(0, 5)
    .map(
      (n) =>
        `    ${n.target.map(String).join(' ')}\n      ${(n.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
    )
    .join('\n');
  const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
  return `${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${targets}${more}`;
}
