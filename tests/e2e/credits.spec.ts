import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { t } from '../../src/i18n/he.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;

/** What the licences require the site to carry, per shipped project: its licence and a phrase of its text. */
const SHIPPED = [
  { name: 'Heebo', file: 'heebo', licence: 'SIL Open Font License 1.1', phrase: 'SIL Open Font License, Version 1.1' },
  { name: 'Workbox', file: 'workbox', licence: 'MIT', phrase: 'Permission is hereby granted, free of charge' },
  { name: 'Pagefind', file: 'pagefind', licence: 'MIT', phrase: 'Permission is hereby granted, free of charge' },
  { name: 'uqr', file: 'uqr', licence: 'MIT', phrase: 'Permission is hereby granted, free of charge' },
];

test('the footer leads to a Hebrew credits page that names every shipped licence and links to its text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: t.footer.credits }).click();
  await expect(page).toHaveURL(/\/credits\/$/);
  await expect(page.getByRole('heading', { level: 1, name: t.credits.title })).toBeVisible();
  for (const { name, file, licence, phrase } of SHIPPED) {
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name }) });
    await expect(item, name).toContainText(licence);
    const link = item.getByRole('link', { name: t.credits.licenseText(name) });
    await expect(link).toHaveAttribute('href', `/licenses/${file}.txt`);
    const response = await page.request.get(`/licenses/${file}.txt`);
    expect(response.status(), name).toBe(200);
    expect(response.headers()['content-type'], name).toContain('text/plain');
    expect(await response.text(), name).toContain(phrase);
  }
});

test('the licence texts are files in dist/, next to the site they come with', () => {
  for (const { file, phrase } of SHIPPED) {
    const path = `${dist}licenses/${file}.txt`;
    expect(existsSync(path), path).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(phrase);
  }
});
