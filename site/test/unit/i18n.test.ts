import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.ts';
import itText from '../../src/i18n/it.ts';
import { count, nounFor, pageTypeLabel, t } from '../../src/lib/i18n.ts';

const LANGUAGES = { it: itText as Record<string, string>, en: en as Record<string, string> };

/** The arguments a message takes, with how each is used: "count:plural", "from:argument". */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number) found.add(`${element.value}:value`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('the interface text', () => {
  it('has every key in both languages', () => {
    const missing = (from: Record<string, string>, to: Record<string, string>) => Object.keys(from).filter((key) => !(key in to));
    expect(missing(LANGUAGES.it, LANGUAGES.en), 'keys of it.ts missing in en.ts').toEqual([]);
    expect(missing(LANGUAGES.en, LANGUAGES.it), 'keys of en.ts missing in it.ts').toEqual([]);
  });

  it('has no empty message', () => {
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      for (const [key, message] of Object.entries(messages)) expect(message.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it('gives each message the same arguments in both languages, each a valid ICU message', () => {
    for (const key of Object.keys(LANGUAGES.it)) {
      expect(argumentsOf(LANGUAGES.en[key]!), key).toEqual(argumentsOf(LANGUAGES.it[key]!));
    }
  });

  it('agrees nouns with numbers through the plural rules, numbers written the local way', () => {
    expect(count('it', 1, 'project')).toBe('1 progetto');
    expect(count('it', 5, 'project')).toBe('5 progetti');
    expect(count('en', 1, 'project')).toBe('1 project');
    expect(count('en', 0, 'country')).toBe('0 countries');
    expect(count('it', 2, 'partner')).toBe('2 partner');
    expect(count('en', 12500, 'partner')).toBe('12,500 partners');
    expect(count('it', 12500, 'partner')).toBe('12.500 partner');
    expect(nounFor('it', 3, 'community')).toBe('comunità di pratica');
  });

  it('fills arguments, plurals and choices inside a sentence', () => {
    expect(t('it', 'country.lead', { partners: 1, projects: 3 })).toBe('1 partner di questo paese partecipa a 3 progetti del portafoglio.');
    expect(t('en', 'country.lead', { partners: 4, projects: 1 })).toBe(
      '4 partners from this country take part in 1 project of the portfolio.',
    );
    expect(t('it', 'statistics.byCountrySummary', { countries: 12, others: 'yes' })).toBe(
      'I partner hanno sede in 12 paesi; i paesi con meno partner sono sommati in «Altri paesi».',
    );
    expect(t('en', 'statistics.byCountrySummary', { countries: 1, others: 'no' })).toBe('The partners are based in 1 country.');
  });

  it('writes an argument given as its own placeholder back, for the templates islands fill in', () => {
    expect(t('it', 'shownOf', { n: '{n}' })).toBe('mostrati {n}');
  });

  it('names every kind of page for the search filter', () => {
    expect(pageTypeLabel('it', 'themes')).toBe('Elenco');
    expect(pageTypeLabel('en', 'community')).toBe('Community of practice');
  });
});
