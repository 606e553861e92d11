import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

/** WCAG 2.0 and 2.1, levels A and AA: what the law asks of NAV (universell utforming). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One line per failing element: the rule, how bad, where, and what to do. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `- ${v.id} (${v.impact ?? 'unknown'}) at ${n.target.join(' ')}: ${v.help}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`))
    .join('\n');
}

/**
 * Runs axe with the WCAG 2.x A/AA rules on the page as it stands and fails with a readable list
 * of what is wrong. No rule is turned off and nothing is excluded: a violation is fixed in the
 * component. `label` says where in the spec the page was, so a failure can be found again.
 * The check is soft: the spec goes on through the rest of the pages and fails at its end with
 * every page's list, not only the first.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await settleAnimations(page);
  // A page mid-navigation has no <title> for a moment: wait for the page's own, so axe judges
  // the page and not the instant (a missing title still fails here, after the wait).
  await expect(page, `the page's title on ${label}`).toHaveTitle(/\S/);
  // Legacy mode runs axe in the page itself. The default opens a blank page for every check to
  // merge the frames' results in, which only cross-origin frames need (our pages have none, and
  // the CSP lets none in): half of each check's time, with the same rules and the same results.
  const results = await new AxeBuilder({ page }).withTags([...WCAG_AA_TAGS]).setLegacyMode(true).analyze();
  expect.soft(describeViolations(results.violations), `axe: WCAG 2.1 AA violations on ${label} (${page.url()})`).toBe('');
}

/**
 * Waits for every finite animation and transition on the page to end. axe measures colours as
 * they are painted at that instant: a dialog still fading in blends its buttons with the
 * backdrop, and Aksel's danger button (4.52:1 at rest) reads as 4.47:1 for a few frames. The
 * page is judged as people see it once it has come to rest; endless animations (a spinner) are
 * left running.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}
