import { describe, expect, it } from 'vitest';
import { digest, entryDigest, shareDigest } from '../../src/lib/digest.ts';

describe('digest', () => {
  it('follows the content, whatever the key order', () => {
    expect(digest({ a: 1, b: [2, { c: 'x' }] })).toBe(digest({ b: [2, { c: 'x' }], a: 1 }));
    expect(digest({ a: 1, b: [2, { c: 'x' }] })).not.toBe(digest({ a: 1, b: [2, { c: 'y' }] }));
  });

  it('takes an entry’s stored digest instead of hashing it, so a view follows its entries’ versions', () => {
    const entry = { slug: 'progetto', summary: 'Prima' };
    const other = { slug: 'progetto', summary: 'Prima' };
    entryDigest(entry, 'version-1');
    entryDigest(other, 'version-2');
    // Same text, different stored versions: the views that show them differ.
    expect(digest({ project: entry })).not.toBe(digest({ project: other }));
    const again = { slug: 'progetto', summary: 'Seconda' };
    entryDigest(again, 'version-1');
    expect(digest({ project: again })).toBe(digest({ project: entry }));
  });

  it('hashes a shared object (a view) once, by identity, and follows any other object by its content', () => {
    const view = shareDigest({ title: 'Vista' });
    const row = { role: 'lead' };
    const before = digest({ view, row });
    // A view never changes once made: its digest is kept. A row is read again each time.
    view.title = 'Cambiata';
    expect(digest({ view, row })).toBe(before);
    row.role = 'partner';
    expect(digest({ view, row })).not.toBe(before);
    // Two views with the same content are the same input.
    expect(digest({ view: shareDigest({ title: 'Vista' }), row: { role: 'lead' } })).toBe(before);
  });
});
