import { readFileSync } from 'node:fs';
import { launchBrowser } from './browser.ts';
const env = Object.fromEntries(readFileSync('/work/main/cms/.env', 'utf8').split('\n').filter((l) => l.includes('=') && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const base = 'http://localhost:1337';
const browser = await launchBrowser();
const page = await browser.context.newPage();
await page.setViewportSize({ width: 1440, height: 900 });
await page.goto(`${base}/admin`);
await page.screenshot({ path: '/tmp/shots/00-login.png' });
await page.locator('input[name="email"]').fill((process.env.SHOT_EMAIL ?? env.EDITOR_EMAIL ?? env.ADMIN_EMAIL)!);
await page.locator('input[name="password"]').fill((process.env.SHOT_PASSWORD ?? env.EDITOR_PASSWORD ?? env.ADMIN_PASSWORD)!);
await page.locator('button[type="submit"]').click();
await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'));
await page.waitForTimeout(3000);
await page.screenshot({ path: '/tmp/shots/01-home.png' });
for (const type of ['partner', 'project', 'action']) {
  await page.goto(`${base}/admin/content-manager/collection-types/api::${type}.${type}?plugins[i18n][locale]=it`);
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `/tmp/shots/list-${type}.png` });
}
await browser.close();
