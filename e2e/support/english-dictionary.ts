import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from 'harness/paths';

/**
 * Strapi's own English admin strings, as a dictionary to find English text in the admin: every
 * message of every installed Strapi package's `en` translation and the design system's built-in
 * labels, minus those that read the same in the package's Italian translation ("Email",
 * "Password") or in ours.
 */
export interface EnglishDictionary {
  /** How many English messages it holds. */
  size: number;
  /** The English message `text` is, or undefined. */
  match(text: string): string | undefined;
}

type Messages = Record<string, string>;

/** The admin's translation files of every Strapi package pnpm installed (several builds of one package are merged). */
/** Where pnpm installs every package. */
const STORE = path.join(ROOT, 'node_modules/.pnpm');

function translationFiles(language: 'en' | 'it'): string[] {
  return [
    `@strapi+*/node_modules/@strapi/*/dist/admin/admin/src/translations/${language}.json.mjs`,
    `@strapi+*/node_modules/@strapi/*/dist/admin/translations/${language}.json.mjs`,
  ].flatMap((pattern) => globSync(pattern, { cwd: STORE }).map((file) => path.join(STORE, file)));
}

/**
 * The design system's own English labels, which no translation file holds: the default names of
 * a dialog's close button ("Close modal"), a pagination ("Pagination"), a date picker's button.
 * Read from its code, as written there or as the first, English, word of our patch's pair
 * (patches/@strapi__design-system@2.2.4.patch).
 */
function designSystemLabels(): Messages {
  const labels: Messages = {};
  for (const file of globSync('@strapi+design-system@*/node_modules/@strapi/design-system/dist/index.mjs', { cwd: STORE })) {
    const code = readFileSync(path.join(STORE, file), 'utf8');
    for (const [, text] of code.matchAll(/(?:[lL]abel|Message|placeholder): \w{1,2} = (?:portfolioLabel\()?"([A-Z][^"]*)"/g)) {
      labels[`design-system.${text}`] = text!;
    }
  }
  return labels;
}

async function load(file: string): Promise<Messages> {
  return ((await import(pathToFileURL(file).href)) as { default: Messages }).default;
}

/** `{count, plural, one {# entry} other {# entries}}` and `{name}` become "anything"; tags go. */
function templatePattern(message: string): RegExp | undefined {
  let pattern = '';
  let literal = '';
  for (let index = 0; index < message.length; index++) {
    const char = message[index]!;
    if (char === '{') {
      let depth = 1;
      while (depth > 0 && ++index < message.length) depth += message[index] === '{' ? 1 : message[index] === '}' ? -1 : 0;
      pattern += '.+';
      continue;
    }
    literal += char;
    pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  // A template of placeholders and punctuation ("{number}", "{label}: {value}") matches anything.
  if ((literal.match(/[A-Za-z]/g) ?? []).length < 4) return undefined;
  return new RegExp(`^${pattern.replace(/<\/?[a-z]+>/g, '').replace(/\s+/g, '\\s*')}$`, 'i');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function loadEnglishDictionary(ourItalian: Messages): Promise<EnglishDictionary> {
  const [english, italian] = await Promise.all([
    Promise.all(translationFiles('en').map(load)),
    Promise.all(translationFiles('it').map(load)),
  ]);
  if (english.length === 0) throw new Error('no Strapi admin translation found under node_modules/.pnpm: is the CMS installed?');
  english.push(designSystemLabels());
  const sameInItalian = new Set([...italian.flatMap((messages) => Object.values(messages)), ...Object.values(ourItalian)].map(normalise));
  const exact = new Map<string, string>();
  const templates: Array<[RegExp, string]> = [];
  for (const messages of english) {
    for (const raw of Object.values(messages)) {
      const message = normalise(raw);
      if (!/[A-Za-z]{2}/.test(message) || sameInItalian.has(message)) continue;
      if (message.includes('{')) {
        const pattern = templatePattern(message);
        if (pattern) templates.push([pattern, message]);
      } else {
        exact.set(message.toLowerCase(), message);
      }
    }
  }
  return {
    size: exact.size + templates.length,
    match(text) {
      const candidate = normalise(text);
      return exact.get(candidate.toLowerCase()) ?? templates.find(([pattern]) => pattern.test(candidate))?.[1];
    },
  };
}
