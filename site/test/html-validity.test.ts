import { readFileSync } from 'node:fs';
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { fileFor, TEMPLATE_PAGES } from './support/site.ts';

/**
 * The built HTML of one page of every template, in both languages, against html-validate's
 * recommended rules. A rule would be turned off only where Astro's own output conflicts with it;
 * none does (islands, scoped-style attributes and inline JSON-LD all pass), so the preset is whole.
 */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

const format = (file: string, messages: Message[]) =>
  messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`).join('\n');

describe('HTML validity (html-validate:recommended)', () => {
  it.each(TEMPLATE_PAGES.map((p) => [`${p.template} (${p.locale})`, p] as const))('%s has no errors', async (_, { pathname }) => {
    const file = fileFor(pathname);
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    const errors = report.results.flatMap((result) => result.messages).filter((m) => m.severity === 2);
    expect(errors, format(pathname, errors)).toEqual([]);
  });
});
