import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ENUM_TRANSLATIONS } from '../cms/src/admin/enum-labels.ts';
import { STRAPI_ITALIAN } from '../cms/src/admin/strapi-italian.ts';
import { MISSING_ITALIAN } from '../cms/src/admin/translations-it.ts';
import { adminLogin, adminRequest, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { throwawayCmsEnv } from 'harness/test-env';
import { CONTENT_TYPES } from 'shared-types';
import { launchBrowser, type Browser } from '../site/test/support/browser.ts';
import { loadEnglishDictionary, type EnglishDictionary } from './support/english-dictionary.ts';

/**
 * The admin as an Italian officer meets it: a browser in Italian, no language ever chosen, the
 * officer's account (Strapi's Editor role). Every screen the officer uses is opened; its visible
 * text, placeholders, aria-labels and titles are looked up in Strapi's own English admin strings,
 * and any found fails the test, naming the screen. Content (entry names, proper nouns) is not in
 * that dictionary, so it passes. A screenshot of each screen goes to e2e/results/admin-*.png.
 */
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const collectionPages = (uid: string) => `/admin/content-manager/collection-types/${uid}`;
/** The admin API's route for projects. */
const PROJECTS = '/content-manager/collection-types/api::project.project';

/**
 * Strapi English strings that are right in an Italian admin too, with why.
 * Kept short: every entry hides a string from the check.
 */
const ALLOWED = new Set([
  // Product and format names an Italian interface keeps as they are.
  'Strapi',
  'Markdown',
  'URL',
  'ID',
]);

type Page = Awaited<ReturnType<Browser['context']['newPage']>>;

/** Visible text nodes (as written, before CSS capitalisation), placeholders, aria-labels, titles and alt texts. */
function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const add = (text: string | null | undefined) => {
      const clean = (text ?? '').replace(/\s+/g, ' ').trim();
      if (/[A-Za-z]{2}/.test(clean)) found.add(clean);
    };
    const visible = (element: Element) => element.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !visible(parent)) continue;
      add(node.textContent);
      // A message with markup ("<b>3</b> entries") is split over several nodes: its element's text too.
      if (parent.childNodes.length > 1) add(parent.textContent);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
      if (!visible(element)) continue;
      for (const attribute of ['placeholder', 'aria-label', 'title', 'alt']) add(element.getAttribute(attribute));
    }
    add(document.title);
    return [...found];
  });
}

describe('the admin an Italian officer uses is in Italian', () => {
  let tempDir: string;
  let env: Record<string, string>;
  let cms: RunningCms;
  let browser: Browser;
  let page: Page;
  let dictionary: EnglishDictionary;
  const cmsLog = path.join(RESULTS_DIR, 'cms-admin-italian.log');
  /** Screen → the English strings found on it. */
  const english = new Map<string, string[]>();
  let checked = 0;
  let screens = 0;

  /** Looks at what the page shows now, as screen `name`, and keeps a screenshot of it. */
  async function inspect(name: string): Promise<void> {
    // Strapi loads screens in parts (widgets, counts): read until two reads half a second apart agree.
    await page.waitForLoadState('networkidle');
    let strings: string[] = [];
    for (let previous = ''; ; ) {
      strings = await visibleStrings(page);
      if (strings.join('\n') === previous) break;
      previous = strings.join('\n');
      await page.waitForTimeout(500);
    }
    checked += strings.length;
    screens++;
    const found = strings
      .filter((text) => !ALLOWED.has(text))
      .flatMap((text) => {
        const message = dictionary.match(text);
        return message ? [message === text ? `"${text}"` : `"${text}" (Strapi: "${message}")`] : [];
      });
    if (found.length > 0) english.set(name, found);
    await page.screenshot({ path: path.join(RESULTS_DIR, `admin-${name}.png`) });
  }

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(cmsLog, '');
    ensureCmsBuilt();
    dictionary = await loadEnglishDictionary({ ...STRAPI_ITALIAN, ...ENUM_TRANSLATIONS, ...MISSING_ITALIAN });
    tempDir = mkdtempSync(path.join(tmpdir(), 'portfolio-admin-italian-'));
    env = await throwawayCmsEnv(path.join(tempDir, 'cms.db'));
    runSeed(env);
    cms = await startCmsLogged(env, cmsLog, 'e2e');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  /** Uploads a logo and publishes the first seeded partner with it; its file name. */
  async function publishPartnerLogo(token: string): Promise<string> {
    const name = 'logo-partner-pubblicato.png';
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('files', new Blob([pixel], { type: 'image/png' }), name);
    const headers = { Authorization: `Bearer ${token}` };
    const [file] = (await (await fetch(`${cms.url}/upload`, { method: 'POST', headers, body: form })).json()) as Array<{ id: number }>;
    const partners = '/content-manager/collection-types/api::partner.partner';
    const list = await adminRequest(cms.url, token, 'GET', `${partners}?locale=it&pageSize=1&sort=name:ASC`);
    // Throws unless the publish is accepted.
    await adminRequest(cms.url, token, 'POST', `${partners}/${list.results[0]!.documentId}/actions/publish?locale=it`, { logo: file!.id });
    return name;
  }

  /**
   * The officer opens a project in two tabs and saves in the first: the second tab's form, loaded
   * before that save, is refused instead of overwriting it (integrity/edit-conflicts.ts); the first
   * tab goes on saving and publishing; the second, reloaded, saves.
   */
  async function editConflict(token: string): Promise<void> {
    const projects = await adminRequest(cms.url, token, 'GET', `${PROJECTS}?locale=it&pageSize=1&sort=title:DESC`);
    const projectId = projects.results[0]!.documentId;
    const editView = `${cms.url}${collectionPages('api::project.project')}/${projectId}?plugins[i18n][locale]=it`;
    const storedTitle = async () => (await adminRequest(cms.url, token, 'GET', `${PROJECTS}/${projectId}?locale=it`)).data.title;
    const otherTab = await browser.context.newPage();
    await otherTab.setViewportSize({ width: 1440, height: 1000 });
    const save = async (tab: Page, title: string, button = 'Salva') => {
      await tab.locator('input[name="title"]').fill(title);
      // The form holds the new title once «Salva» is enabled; «Pubblica» is always enabled and,
      // clicked sooner, would send the form as it was.
      await expect.poll(() => tab.getByRole('button', { name: 'Salva', exact: true }).isEnabled(), { timeout: 15_000 }).toBe(true);
      const answer = tab.waitForResponse((response) => response.request().method() !== 'GET' && response.url().includes(projectId));
      await tab.getByRole('button', { name: button, exact: true }).click();
      const status = (await answer).status();
      // The form resets to the saved entry a moment after the answer arrives; typing sooner is
      // overwritten by that reset, so the next save waits until the form holds what was saved.
      if (status === 200) {
        await expect
          .poll(
            async () => [
              await tab.locator('input[name="title"]').inputValue(),
              await tab.getByRole('button', { name: 'Salva', exact: true }).isEnabled(),
            ],
            { timeout: 15_000 },
          )
          .toEqual([title, false]);
      }
      return status;
    };
    for (const tab of [page, otherTab]) {
      await tab.goto(editView);
      await tab.locator('input[name="title"]').waitFor();
    }

    expect(await save(page, 'Titolo salvato nella prima scheda')).toBe(200);
    // The tab left behind also takes a theme off: a link, which the form sends as an id.
    const themesField = otherTab
      .locator('div', { has: otherTab.locator('input[name="themes"]') })
      .filter({ has: otherTab.getByRole('button', { name: 'Rimuovi' }) })
      .last();
    // The item's text: its drag handle's label, the theme's name, its status.
    const themeItem = (await themesField.getByRole('listitem').first().innerText()).split('\n').map((line) => line.trim());
    const themeRemoved = themeItem.find((line) => line && line !== 'Trascina')!;
    await themesField.getByRole('button', { name: 'Rimuovi' }).first().click();
    expect(await save(otherTab, 'Titolo della scheda rimasta indietro')).toBe(409);
    await otherTab.getByText('Modifiche non salvate', { exact: false }).waitFor();
    const refusal = await otherTab.getByText('Modifiche non salvate', { exact: false }).textContent();
    expect(refusal).toMatch(
      /questa voce è cambiata oggi alle \d{1,2}:\d{2}, dopo che l’hai aperta \(ultimo salvataggio: tuo, forse in un’altra scheda\)/,
    );
    expect(await storedTitle()).toBe('Titolo salvato nella prima scheda');
    // The form now shows the newer save, and the panel what the officer had typed, to copy back.
    await otherTab.getByTestId('refused-changes').waitFor();
    expect(await otherTab.locator('input[name="title"]').inputValue()).toBe('Titolo salvato nella prima scheda');
    const listed = otherTab.getByTestId('refused-changes');
    expect(await listed.innerText()).toMatch(/Titolo\s+Copia\s+Titolo della scheda rimasta indietro/);
    // The theme by its name, as the CMS words the refused form's links (integrity/readable-form.ts).
    expect(await listed.innerText()).toContain(`Temi\nTolti: «${themeRemoved}»`);
    // Only what the officer changed: the fields the form sent as they were are not listed.
    expect(await listed.locator(':scope > ul > li').count()).toBe(2);
    const [main, other] = [page, otherTab];
    page = other;
    await inspect('22-edit-conflict');
    page = main;

    // The first tab saves again and publishes from the answers to its own saves.
    expect(await save(page, 'Titolo salvato due volte')).toBe(200);
    expect(await save(page, 'Titolo pubblicato', 'Pubblica')).toBe(200);
    expect(await storedTitle()).toBe('Titolo pubblicato');
    // Reloaded, the second tab shows the saved title and saves.
    await otherTab.reload();
    await otherTab.locator('input[name="title"]').waitFor();
    expect(await otherTab.locator('input[name="title"]').inputValue()).toBe('Titolo pubblicato');
    expect(await save(otherTab, 'Titolo dalla scheda ricaricata')).toBe(200);
    expect(await storedTitle()).toBe('Titolo dalla scheda ricaricata');
    await otherTab.close();
  }

  it('shows every screen an editor uses without an English interface string', async () => {
    // What the screen showed when a step failed (a CI run leaves only its results folder).
    onTestFailed(async () => {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'admin-failure.png') }).catch(() => {});
    });
    expect(dictionary.size, 'Strapi’s English admin strings').toBeGreaterThan(1000);

    // Login: a fresh browser, no language chosen.
    await page.goto(`${cms.url}/admin`);
    await page.locator('input[name="email"]').waitFor();
    await inspect('01-login');
    await page.locator('input[name="email"]').fill(env.EDITOR_EMAIL!);
    await page.locator('input[name="password"]').fill(env.EDITOR_PASSWORD!);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'));
    await inspect('02-home');
    // The recent-entries widgets name each row's type and language, and fit their box (patched).
    for (const table of await page.locator('table').all()) {
      const [tableWidth, boxWidth] = await table.evaluate((element) => [element.scrollWidth, element.parentElement!.clientWidth]);
      expect(tableWidth, 'a home widget’s table fits').toBeLessThanOrEqual(boxWidth);
    }
    expect(await page.locator('table').first().innerText()).toMatch(/\w · (it|en)\b/);

    // Each list view, and the filter menu of one.
    for (const { uid, single } of Object.values(CONTENT_TYPES)) {
      if (single) continue;
      await page.goto(`${cms.url}${collectionPages(uid)}`);
      await page.locator('table').waitFor();
      await inspect(`03-list-${uid.split('.').pop()}`);
      // Its columns, the status and the row's menu included, fit the screen: nothing behind a sideways scroll.
      const [tableWidth, boxWidth] = await page.locator('table').evaluate((table) => [table.scrollWidth, table.parentElement!.clientWidth]);
      expect(tableWidth, `the list of ${uid} fits`).toBeLessThanOrEqual(boxWidth);
    }
    await page.goto(`${cms.url}${collectionPages('api::project.project')}`);
    await page.getByRole('button', { name: 'Filtri' }).click();
    // The fields the officer can filter on, named in Italian, Strapi's own included (documentId
    // through the patched content manager's messages).
    await page.getByRole('dialog').getByRole('combobox').first().click();
    const filterFields = await page.getByRole('listbox').innerText();
    expect(filterFields).toContain('Codice della voce');
    expect(filterFields).not.toMatch(/\b(documentId|createdAt|updatedAt|publishedAt)\b/);
    await page.keyboard.press('Escape');
    await inspect('04-list-filters');
    await page.keyboard.press('Escape');
    // The columns the officer can show, named in Italian, Strapi's own fields included.
    await page.getByRole('button', { name: 'Visualizza impostazioni' }).click();
    await page.getByText('Campi visualizzati').waitFor();
    const columnChoices = await page.getByText('Campi visualizzati').locator('xpath=ancestor::*[.//*[@role="checkbox"]][1]').innerText();
    expect(columnChoices).toContain('Ultima modifica');
    expect(columnChoices).toContain('Codice della voce');
    expect(columnChoices).not.toMatch(/\b(documentId|createdAt|updatedAt|publishedAt|createdBy|updatedBy)\b/);
    await inspect('04b-list-columns');
    await page.keyboard.press('Escape');

    // A seeded project's edit view, its relation picker open.
    const token = await adminLogin(cms.url, env.EDITOR_EMAIL!, env.EDITOR_PASSWORD!);
    const projects = await adminRequest(cms.url, token, 'GET', `${PROJECTS}?locale=it&pageSize=1&sort=title:ASC`);
    const projectId = projects.results[0]!.documentId;
    await page.goto(`${cms.url}${collectionPages('api::project.project')}/${projectId}?plugins[i18n][locale]=it`);
    await page.locator('input[name="title"]').waitFor();
    await inspect('05-project-edit');
    // The globe beside a field kept per language has its tooltip, and no "[object Object]" title (patched).
    expect(await page.locator('[title="[object Object]"]').count()).toBe(0);
    // The language menu: each language with its status, in Italian (patched).
    await page.getByRole('combobox').filter({ hasText: 'Italiano (it)' }).first().click();
    await page.getByRole('option').first().waitFor();
    await inspect('05b-language-menu');
    await page.keyboard.press('Escape');
    // A screen reader announces each Markdown editor by its field's label, not as Strapi's English "Editor" (patched).
    const markdownLabels = await page
      .locator('.CodeMirror [contenteditable="true"]')
      .evaluateAll((inputs) => inputs.map((input) => input.ariaLabel));
    expect(markdownLabels.sort()).toEqual(['Descrizione', 'Destinatari', 'Obiettivi', 'Risultati attesi']);
    await page.locator('input[name="fundingLine"]').click();
    await page.locator('[role="option"]').first().waitFor();
    await inspect('06-relation-picker');
    await page.keyboard.press('Escape');

    // A new action from the project's «Azioni» field, in Strapi's create-relation window.
    await page.locator('input[name="actions"]').click();
    await page.getByRole('option', { name: 'Crea una relazione' }).click();
    await page.getByRole('dialog').waitFor();
    await inspect('06b-create-relation');
    await page.keyboard.press('Escape');

    // The header's menu; the side panel's (the button after "Pubblica"), whose "Converti in bozza"
    // unpublishes (its notice is read); then the publish-with-related dialog for the draft, cancelled.
    await page.getByRole('button', { name: 'Altre azioni' }).first().click();
    await page.getByRole('menuitem').first().waitFor();
    await inspect('07-header-menu');
    // Only what the officer may open: the model's and the layout's screens are an administrator's.
    const headerMenu = (await page.getByRole('menuitem').allInnerTexts()).join('\n');
    expect(headerMenu).not.toMatch(/Modifica il modello|Configura la visualizzazione/);
    await page.keyboard.press('Escape');
    const panelMenu = () => page.getByRole('button', { name: 'Pubblica', exact: true }).locator('xpath=following::button[1]');
    // It publishes the saved drafts: with a change not saved yet, it is disabled and says why.
    const title = page.locator('input[name="title"]');
    const savedTitle = await title.inputValue();
    await title.fill(`${savedTitle} (modifica non salvata)`);
    await panelMenu().click();
    const waitForSave = page.getByRole('menuitem', { name: 'Pubblica con le voci collegate (prima salva le modifiche)' });
    expect(await waitForSave.getAttribute('aria-disabled')).toBe('true');
    await inspect('08a-publish-with-related-unsaved');
    // The first Escape closes the trigger's tooltip, the next one the menu.
    await expect
      .poll(async () => {
        await page.keyboard.press('Escape');
        return waitForSave.isVisible();
      })
      .toBe(false);
    await title.fill(savedTitle);
    await panelMenu().click();
    expect(
      await page.getByRole('menuitem', { name: 'Pubblica con le voci collegate', exact: true }).getAttribute('aria-disabled'),
    ).not.toBe('true');
    await inspect('08-more-actions');
    // Publishing several languages at once: each language's status in Italian (patched).
    await page.getByRole('menuitem', { name: 'Pubblica più lingue' }).click();
    await page.getByRole('dialog').waitFor();
    await inspect('08b-publish-languages');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await panelMenu().click();
    await page.getByRole('menuitem', { name: 'Converti in bozza' }).click();
    await page.getByText('Bozza', { exact: true }).first().waitFor();
    await inspect('09-unpublished');
    await panelMenu().click();
    await page.getByRole('menuitem', { name: 'Pubblica con le voci collegate' }).click();
    // Strapi's dialogs are alert dialogs.
    await page.locator('[role="alertdialog"], [role="dialog"]').first().waitFor();
    await inspect('10-publish-dialog');
    await page.keyboard.press('Escape');

    // A new partner: the create view, saved, then its English version (locale creation).
    await page.goto(`${cms.url}${collectionPages('api::partner.partner')}/create?plugins[i18n][locale]=it`);
    await page.locator('input[name="name"]').waitFor();
    await inspect('11-partner-create');
    // «Salva» on the empty form is refused on the field that names the entry (cms/src/integrity/entry-name.ts).
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText('Da compilare anche in una bozza', { exact: false }).first().waitFor();
    await inspect('11a-partner-unnamed-refused');
    expect(new URL(page.url()).pathname).toMatch(/\/create$/);
    // A web-address field shows what it takes before anything is typed (cms/src/validation/field-formats.ts).
    expect(await page.locator('[name="website"]').getAttribute('placeholder')).toBe('https://…');
    await page.locator('input[name="name"]').fill('Associazione di prova per la lingua');
    await page.locator('[name="organisationType"]').click();
    await inspect('12-enumeration-dropdown');
    // The option already chosen (the default), in view whatever the list's scroll.
    await page.getByRole('option', { name: 'Altro', exact: true }).click();
    // The country is picked by its Italian name and stored as its ISO code.
    const country = page.locator('input[name="country"]');
    const portugal = page.getByRole('option', { name: 'Portogallo (PT)' });
    await country.click();
    await country.pressSequentially('Portog', { delay: 50 });
    // The list opens as one types; if the first keys came before the field was ready, the arrow opens it.
    if (!(await portugal.isVisible())) await country.press('ArrowDown');
    await portugal.waitFor();
    await inspect('13-country-picker');
    await portugal.click();
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    await inspect('14-partner-saved');
    // Opened again, the form names the stored country (the list of countries, over 100, once left the box empty).
    await page.reload();
    await expect.poll(() => page.locator('input[name="country"]').inputValue(), { timeout: 15_000 }).toBe('Portogallo (PT)');
    const partnerId = new URL(page.url()).pathname.split('/').pop();
    const partner = await adminRequest(
      cms.url,
      token,
      'GET',
      `/content-manager/collection-types/api::partner.partner/${partnerId}?locale=it`,
    );
    expect(partner.data.country).toBe('PT');
    await page.goto(`${page.url().split('?')[0]}?plugins[i18n][locale]=en`);
    await page.locator('input[name="name"]').waitFor();
    await inspect('15-partner-new-language');

    // The site settings (a single type) and the media library.
    await page.goto(`${cms.url}/admin/content-manager/single-types/api::site-setting.site-setting?plugins[i18n][locale]=it`);
    await page.locator('form').waitFor();
    await inspect('16-site-settings');
    // The officer's profile; the media library's «Nuovo» menu and its new-folder dialog.
    await page.goto(`${cms.url}/admin/me`);
    await page.locator('input[name="firstname"]').waitFor();
    await inspect('17-profile');
    // Opened by its address in a fresh page load, with the officer's permissions answered late (a
    // slow network): Strapi's useRBAC checked them before they had loaded and never again, and
    // showed no «Nuovo» until the officer left the page (patched in @strapi/admin).
    await page.route('**/admin/users/me/permissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${cms.url}/admin/plugins/upload`);
    await page.waitForLoadState('networkidle');
    await page.unroute('**/admin/users/me/permissions');
    await page.getByRole('button', { name: 'Nuovo' }).click();
    await page.getByRole('menuitem').first().waitFor();
    await inspect('18-media-new-menu');
    // "Caricamento di file" opens the system's file picker: the folder dialog is Strapi's own.
    await page.getByRole('menuitem', { name: 'Nuova cartella', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await inspect('19-media-new-folder');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Nuovo' }).click();
    await page.getByRole('menuitem', { name: 'Caricamento di file da URL' }).click();
    // Its strings are only in Strapi's code, not in its English file: their Italian is checked here.
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Importa da un indirizzo web');
    await inspect('19b-media-from-url');
    // The design system's own label for the close button, in Italian (patched).
    expect(await page.getByRole('dialog').getByRole('button', { name: 'Chiudi la finestra' }).count()).toBe(1);
    await page.keyboard.press('Escape');

    // A logo a published partner shows: the media library refuses to delete it, and says why.
    const logoName = await publishPartnerLogo(token);
    await page.goto(`${cms.url}/admin/plugins/upload`);
    await page.locator('main').waitFor();
    await inspect('20-media-library');
    await page.getByText(logoName).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Elimina' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Eliminazione non eseguita', { exact: false }).waitFor();
    await inspect('21-media-delete-refused');
    await page.keyboard.press('Escape');
    const stillThere = await fetch(`${cms.url}/upload/files?filters[name][$eq]=${logoName}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await stillThere.json()) as { results: unknown[] }).results).toHaveLength(1);

    await editConflict(token);

    console.log(
      `[admin-italian] ${checked} interface strings checked on ${screens} screens against ${dictionary.size} Strapi English messages`,
    );
    const report = [...english].map(([screen, strings]) => `${screen}:\n  ${strings.join('\n  ')}`).join('\n');
    expect(report, 'English interface strings found (screen: strings)').toBe('');
  });
});
