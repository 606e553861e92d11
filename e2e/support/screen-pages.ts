import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Steps the big screen's pages from the facilitator's pager ("Neste side", on the console or the
 * results page) until `target` shows on every screen, as a facilitator does instead of waiting
 * for the pages to turn by themselves. The first turn stops that self-turning (`data-held`),
 * so every later change of page is the facilitator's.
 */
export async function pageScreensTo(facilitator: Page, screens: Page[], target: (screen: Page) => Locator): Promise<void> {
  const next = facilitator.getByTestId('screen-pager').getByRole('button', { name: 'Neste side' });
  const labels = screens.map((s) => s.getByTestId('screen-page'));
  let held = (await Promise.all(labels.map((l) => l.getAttribute('data-held')))).every((h) => h === 'true');
  for (let turn = 0; turn < 12; turn++) {
    if (held && (await Promise.all(screens.map((s) => target(s).first().isVisible()))).every(Boolean)) return;
    const before = await Promise.all(labels.map((l) => l.textContent()));
    await next.click();
    for (const [i, label] of labels.entries()) {
      if (held) await expect(label).not.toHaveText(before[i]!);
      else await expect(label).toHaveAttribute('data-held', 'true');
    }
    held = true;
  }
  throw new Error('the target never came up on the screen');
}
