import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { signInFacilitator } from './support/facilitator';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: true });
const DEMO = 'Arbeid først';

async function download(page: Page, name: string): Promise<{ file: string; body: Buffer }> {
  const waiting = page.waitForEvent('download');
  // Aksel gives a link styled as a button the button role.
  await page.getByRole('button', { name }).click();
  const done = await waiting;
  const path = await done.path();
  return { file: done.suggestedFilename(), body: readFileSync(path) };
}

test('an owner downloads the project as JSON and as a backup, and restores the backup as a new project', async ({ page }) => {
  await signInFacilitator(page);
  let restoredUrl: string | null = null;
  try {
    await test.step('the project page offers both downloads', async () => {
      await page.getByRole('link', { name: new RegExp(DEMO) }).first().click();
      await expect(page.getByRole('heading', { name: 'Data og sikkerhetskopi' })).toBeVisible();
      await page.getByRole('heading', { name: 'Data og sikkerhetskopi' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/screenshots/project-data-downloads.png' });
    });

    const json = await test.step('the readable JSON holds the project, without access keys', async () => {
      const { file, body } = await download(page, 'Last ned prosjektet som JSON');
      expect(file).toMatch(/^verksted-arbeid-forst[a-z0-9-]*-\d{4}-\d{2}-\d{2}\.json$/);
      const project = JSON.parse(body.toString('utf8'));
      expect(project.project.name).toContain(DEMO);
      expect(project.findings.length).toBeGreaterThan(0);
      expect(body.toString('utf8')).not.toContain('tokenHash');
      return project;
    });

    const backup = await test.step('the backup is one gzipped file of this format', async () => {
      const { file, body } = await download(page, 'Last ned sikkerhetskopi');
      expect(file).toMatch(/^verksted-arbeid-forst[a-z0-9-]*-\d{4}-\d{2}-\d{2}\.json\.gz$/);
      const parsed = JSON.parse(gunzipSync(body).toString('utf8'));
      expect(parsed).toMatchObject({ format: 'verksted-backup', version: 1 });
      expect(parsed.content.tables.findings).toHaveLength(json.findings.length);
      return body;
    });

    await test.step('a damaged file is refused with a clear message', async () => {
      await page.goto('/prosjekter');
      await page.getByRole('button', { name: 'Gjenopprett fra sikkerhetskopi' }).click();
      await expect(page.getByRole('heading', { name: 'Gjenopprett et prosjekt fra sikkerhetskopi' })).toBeVisible();
      await page.screenshot(shot('restore-form'));
      const damaged = Buffer.from(backup);
      const middle = Math.floor(damaged.length / 2);
      damaged[middle] = damaged[middle]! ^ 0xff;
      await page.locator('input[type=file]').setInputFiles({ name: 'skadet.json.gz', mimeType: 'application/gzip', buffer: damaged });
      await page.getByRole('button', { name: 'Gjenopprett prosjektet' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Filen kan ikke gjenopprettes' })).toBeVisible();
      await page.screenshot(shot('restore-refused'));
    });

    await test.step('the backup becomes a new project the uploader owns', async () => {
      await page.getByRole('button', { name: 'Fjern filen' }).click();
      await page.locator('input[type=file]').setInputFiles({ name: 'kopi.json.gz', mimeType: 'application/gzip', buffer: backup });
      await page.getByRole('button', { name: 'Gjenopprett prosjektet' }).click();
      await expect(page).toHaveURL(/\/prosjekter\/[0-9a-f-]{36}$/);
      restoredUrl = page.url();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO);
      await expect(page.getByRole('heading', { name: 'Utviklingsverksteder' })).toBeVisible();
      for (const finding of json.findings.slice(0, 2)) await expect(page.getByRole('link', { name: finding.title })).toBeVisible();
      await page.screenshot(shot('restored-project'));
    });
  } finally {
    // Other specs open the demo project by name: the copy must not outlive this one.
    if (restoredUrl) {
      await page.goto(restoredUrl);
      const name = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      await page.getByRole('button', { name: 'Slett prosjektet' }).click();
      await page.getByLabel(`Skriv «${name}» for å bekrefte`).fill(name);
      await page.getByRole('button', { name: 'Ja, slett prosjektet' }).click();
      await expect(page).toHaveURL(/\/prosjekter$/);
    }
  }
});
