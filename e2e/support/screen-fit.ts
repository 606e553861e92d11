import { expect, type Page } from '@playwright/test';

/** The projectors the big screen is made for. */
export const PROJECTORS = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }] as const;

/**
 * What does not fit on the screen page: a scrollbar, a part of the presenter outside the viewport,
 * or a box that clips what it holds (overflow hidden, a line clamp) — described so a failure says where.
 */
export async function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > innerHeight) problems.push(`page scrolls down: ${root.scrollHeight} > ${innerHeight}`);
    if (root.scrollWidth > innerWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${innerWidth}`);
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
    const presenter = document.querySelector('[data-testid="presenter"]');
    if (!presenter) return ['no presenter'];
    for (const el of presenter.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      // Hidden parts (the plenary's boards, read but not shown) and screen-reader-only text take no room.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
        problems.push(`${describe(el)} outside the viewport: ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`);
      }
    }
    // Only a box that clips can cut its text. In one that does not, a tall glyph reaching past
    // a tight line box is drawn whole, and anything that really leaves the screen is caught above.
    const clips = (value: string) => value !== 'visible';
    for (const el of [presenter, ...presenter.querySelectorAll('[data-testid]')]) {
      const style = getComputedStyle(el);
      if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) problems.push(`${describe(el)} cut: ${el.scrollHeight} > ${el.clientHeight}`);
      if (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)} cut sideways: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return problems.slice(0, 12);
  });
}

/** Waits until the screen page fits; the fit is measured after layout and fonts, so it is polled. */
export async function expectFits(screen: Page, label: string): Promise<void> {
  await expect.poll(() => overflowOf(screen), { timeout: 20_000, message: `${label} at ${screen.viewportSize()?.width}` }).toEqual([]);
}

/**
 * Checks one screen page at every projector size in turn (resizing it), photographs it at
 * 1920×1080 when `shot` is given, and leaves it at 1920×1080.
 */
export async function expectFitsEveryProjector(screen: Page, label: string, shot?: string): Promise<void> {
  for (const size of [...PROJECTORS].reverse()) {
    await screen.setViewportSize(size);
    await expectFits(screen, label);
  }
  if (shot) await screen.screenshot({ path: shot });
}
