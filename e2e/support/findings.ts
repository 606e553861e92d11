import { expect, type Page } from '@playwright/test';

/**
 * A participant answers the n-th of `total` findings, once their page shows that finding: a
 * phone still showing the one before would take the choice, then swap in the new finding's
 * empty form when the step arrives.
 */
export async function answerFinding(p: Page, finding: { n: number; total: number }, answer: string, comment?: string) {
  await expect(p.getByText(`Funn ${finding.n} av ${finding.total}`, { exact: true })).toBeVisible();
  await p.getByRole('radio', { name: answer }).check();
  if (comment !== undefined) await p.getByLabel('Kommentar (valgfritt)').fill(comment);
  await p.getByRole('button', { name: 'Send' }).click();
  await expect(p.getByText('Svaret ditt er lagret. Du kan endre det.')).toBeVisible();
}
