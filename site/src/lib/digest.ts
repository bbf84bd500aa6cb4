import { hash } from 'node:crypto';

/**
 * A digest of any JSON-like value. The objects many pages show (entries, views, the portfolio:
 * marked with `shareDigest`) are hashed once each, memoised by identity, so a key costs what the page
 * shows, not the size of the portfolio. Any other object is written out in its holder's text, as
 * a list is: a partnership row or a page's slice belongs to one view or one key, and hashing it
 * apart only added a hash (about 40,000 of them for the page keys at a thousand projects).
 */
const memo = new WeakMap<object, string>();
const shared = new WeakSet<object>();
export function digest(value: unknown): string {
  if (value === null || typeof value !== 'object') return digestText(value);
  const known = memo.get(value);
  if (known) return known;
  // crypto.hash, not createHash: one call per shared object, and one-shot hashing of a short
  // text is several times faster.
  const result = hash('sha1', digestText(value), 'base64url');
  // Only a shared object never changes once made; any other is read again each time.
  if (shared.has(value)) memo.set(value, result);
  return result;
}

/** Marks an object that many page keys show, never changed once made: hashed once, by identity. */
export function shareDigest<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/**
 * The text `digest` hashes: a value with each shared object inside it digested and everything
 * else written out. Of a value made for one use, such as a page's inputs.
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

/** A value inside another: a shared object (or an entry) by its digest, anything else by its text. */
const part = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return digestText(value);
  return memo.get(value) ?? (shared.has(value) ? digest(value) : digestText(value));
};

/**
 * Records the digest Astro's content layer keeps for a stored entry's data (the loader's
 * `generateDigest` of it), so `digest` takes it instead of hashing the entry again: the entries
 * are most of what the page keys hash, and their digests are already made when they are stored.
 */
export function entryDigest(data: object, storedDigest: string): void {
  memo.set(data, `entry:${storedDigest}`);
}
