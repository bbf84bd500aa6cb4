import type { Locale } from 'shared-types';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';

/**
 * Parsing built pages for assertions, with html-validate's parser (already a dev dependency):
 * a DOM with querySelector/querySelectorAll, attributes and raw text.
 */
let parser: Parser | undefined;

export async function parseHtml(source: string): Promise<HtmlElement> {
  parser ??= new Parser(await new HtmlValidate().getConfigFor('page.html'));
  return parser.parseHtml(source);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references resolved as a browser would (the parser keeps them raw). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1]!.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Text as a reader sees it: entities decoded, every kind of space (no-break, narrow) one plain space. */
export const normalise = (text: string) =>
  decodeEntities(text)
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();

/** The visible text of an element (scripts and styles left out), normalised. */
export function textOf(element: HtmlElement): string {
  const parts: string[] = [];
  const walk = (node: HtmlElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent);
      else if (child.nodeType === 1) {
        const el = child as HtmlElement;
        if (el.tagName !== 'script' && el.tagName !== 'style' && el.tagName !== 'template') walk(el);
        parts.push(' ');
      }
    }
  };
  walk(element);
  return normalise(parts.join(''));
}

/** An attribute's value with entities decoded; null when absent or dynamic. */
export function attr(element: HtmlElement, name: string): string | null {
  const value = element.getAttributeValue(name);
  return value === null ? null : decodeEntities(value);
}

const NUMBER_TAGS: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/** A euro amount as a reader expects it on the page ("€ 1.234" / "€1,234.50"), spaces normalised. */
export function euroText(amount: number, locale: Locale): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  const format = new Intl.NumberFormat(NUMBER_TAGS[locale], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: 2,
  });
  return normalise(format.format(amount));
}

/** A whole number as a reader expects it on the page, spaces normalised. */
export const integerText = (value: string | number, locale: Locale): string =>
  normalise(new Intl.NumberFormat(NUMBER_TAGS[locale]).format(Number(value)));
