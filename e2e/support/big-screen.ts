import type { Page } from '@playwright/test';
import { PROJECTORS } from './screen-fit';

/** The projector the big screen is opened at unless a spec asks for another. */
export const PROJECTOR = PROJECTORS[0];

/**
 * The big screen of the session whose console `console` shows, opened from the console as a
 * window of its own (what "Åpne storskjerm" does): the same browser, so the same sign-in and
 * language. Not a second tab beside the console: Chromium paints only the front tab of a
 * window, so every click in the other one waited for frames that never came (Playwright's
 * stability check gave up after 2 s each time) — and in the room the screen is a window of its
 * own on the projector anyway.
 */
export async function openBigScreen(console: Page, viewport: { width: number; height: number } = PROJECTOR): Promise<Page> {
  const opened = console.waitForEvent('popup');
  await console.evaluate((path) => void window.open(path, '_blank', 'popup'), screenPath(console));
  const screen = await opened;
  await screen.setViewportSize(viewport);
  await screen.waitForLoadState();
  return screen;
}

/** The screen's address for the live session the console shows. */
export const screenPath = (console: Page) => new URL(console.url()).pathname.replace(/\/prosjekter\/[^/]+\/live\//, '/skjerm/');
