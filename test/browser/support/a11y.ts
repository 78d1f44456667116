import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The impacts that fail a page: the web app's promise is "no serious or critical violation". */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface A11yOptions {
  /** CSS selectors left out of the analysis (e.g. a third-party widget). */
  exclude?: string[];
  /** axe rule ids not run; say why where you use it. */
  disableRules?: string[];
}

/** axe-core run on the page as it is now (all of axe's default rules: WCAG 2.x A/AA and best practices). */
export async function analyzeA11y(page: Page, options: A11yOptions = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  return builder.analyze();
}

export function seriousViolations(results: Pick<AxeResults, 'violations'>): Result[] {
  return results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
}

/** One block per rule: id, impact, what it asks, its help URL, then each offending element's selector. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' ')}`);
      return [`- ${violation.id} (${violation.impact}): ${violation.help}`, `  ${violation.helpUrl}`, ...targets].join('\n');
    })
    .join('\n');
}

/** Fails with the list of rules, targets and help URLs when axe finds a serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  const failing = seriousViolations(await analyzeA11y(page, options));
  if (failing.length === 0) return;
  throw new Error(`${failing.length} serious or critical accessibility violation(s) on ${page.url()}:\n${formatViolations(failing)}`);
}
