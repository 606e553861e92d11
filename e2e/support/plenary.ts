import { expect, type Page } from '@playwright/test';

/** Moves a note on the plenary board into a theme through the note's "Flytt" menu. */
export async function moveNoteToTheme(facilitator: Page, note: string, theme: string) {
  await facilitator.getByTestId('plenary-note').filter({ hasText: note }).getByRole('button', { name: /^Flytt lappen/ }).click();
  await facilitator.getByRole('menuitem', { name: theme, exact: true }).click();
  await expect(facilitator.getByTestId('cluster').filter({ hasText: theme }).getByTestId('plenary-note').filter({ hasText: note })).toBeVisible();
}

/** Opens the plenary's dot vote; phones offer dots only after this. */
export async function startVoting(facilitator: Page) {
  await facilitator.getByRole('button', { name: 'Start avstemning' }).click();
  await expect(facilitator.getByTestId('voting-status')).toHaveText('Pågår');
}

/** Each participant gives a dot to `theme` and sends one word, as the demo plenary asks. */
export async function voteAndSendWord(people: Page[], theme: string, word: string) {
  for (const p of people) {
    await p.getByRole('button', { name: `Gi en prikk til ${theme}` }).click();
    await p.getByLabel(/^Ett ord/).fill(word);
    await p.getByRole('button', { name: 'Send' }).click();
    await expect(p.getByText('Ordet ditt er med.')).toBeVisible();
  }
}
