import { hash } from 'node:crypto';

/**
 * A digest of any JSON-like value. Objects are hashed once each (memoised by identity): views
 * share their entities, so a key costs what the page shows, not the size of the portfolio.
 */
const memo = new WeakMap<object, string>();
export function digest(value: unknown): string {
  if (value === null || typeof value !== 'object') return digestText(value);
  const known = memo.get(value);
  if (known) return known;
  // crypto.hash, not createHash: one call per object of every view, and one-shot hashing of a
  // short text is several times faster.
  const result = hash('sha1', digestText(value), 'base64url');
  memo.set(value, result);
  return result;
}

/**
 * The text `digest` hashes: a value with each object inside it digested. Of a value made for one
 * use, such as a page's inputs, so that its parts are not hashed one by one as well.
 */
export function digestText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(part).join(',')}]`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (value instanceof Map || value instanceof Set) return `${value.constructor.name}[${[...value].map(part).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${part((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

/**
 * A value inside another: an object by its digest (made once, however many views hold it), an
 * array by its text. A list belongs to the one object that holds it, so hashing it apart would
 * only add a hash: its digests are hashed once, in its holder's text.
 */
const part = (value: unknown): string => (Array.isArray(value) ? digestText(value) : digest(value));

/**
 * Records the digest Astro's content layer keeps for a stored entry's data (the loader's
 * `generateDigest` of it), so `digest` takes it instead of hashing the entry again: the entries
 * are most of what the page keys hash, and their digests are already made when they are stored.
 */
export function entryDigest(data: object, storedDigest: string): void {
  memo.set(data, `entry:${storedDigest}`);
}
