import { readFileSync } from 'node:fs';
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { normalise } from './support/html.ts';
import { fileFor, readPage, TEMPLATE_PAGES } from './support/site.ts';

/**
 * The built HTML of one page of every template, in both languages, against html-validate's
 * recommended rules. A rule is turned off only where Astro's own output conflicts with it.
 */
const TITLE_MAX = 70;
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // long-title measures the source text, and Astro writes every apostrophe as `&#39;`: a
    // 68-character title counts as 72. The same limit is checked below on the text as read.
    'long-title': 'off',
  },
});

const format = (file: string, messages: Message[]) =>
  messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`).join('\n');

describe.each(TEMPLATE_PAGES.map((p) => [`${p.template} (${p.locale})`, p] as const))('%s', (_, { pathname }) => {
  it('has no html-validate errors', async () => {
    const file = fileFor(pathname);
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    const errors = report.results.flatMap((result) => result.messages).filter((m) => m.severity === 2);
    expect(errors, format(pathname, errors)).toEqual([]);
  });

  it(`has a <title> of at most ${TITLE_MAX} characters, as search results and tabs show it`, async () => {
    const title = normalise((await readPage(pathname)).doc.querySelector('title')?.textContent ?? '');
    expect(title.length, `${pathname}: "${title}" is ${title.length} characters`).toBeGreaterThan(0);
    expect(title.length, `${pathname}: "${title}" is ${title.length} characters`).toBeLessThanOrEqual(TITLE_MAX);
  });
});
