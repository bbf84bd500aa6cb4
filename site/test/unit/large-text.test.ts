import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashText, textPieces, textResponse } from '../../src/lib/large-text.ts';

// Pieces of 4 code units, so that the texts below cross piece boundaries everywhere.
const SIZE = 4;
const texts = ['', 'abc', 'città: 12€', 'ab😀cd😀😀e', '😀😀😀😀😀', 'abc😀', `${'x'.repeat(100_000)}😀è`];

describe('textPieces', () => {
  it('gives back the whole text, never splitting a surrogate pair', () => {
    for (const text of texts) {
      const pieces = [...textPieces(text, SIZE)];
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeGreaterThan(0);
        // No piece ends with the first half of a pair or starts with the second.
        expect(/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(piece), JSON.stringify(piece)).toBe(false);
      }
    }
  });
});

describe('hashText', () => {
  it('is the SHA-1 of the whole text in UTF-8, however the pieces fall', () => {
    for (const text of texts) expect(hashText(text)).toBe(createHash('sha1').update(Buffer.from(text, 'utf8')).digest('base64url'));
  });

  it('tells apart texts that differ only in an astral character at a piece boundary', () => {
    const at = 32_767;
    expect(hashText(`${'x'.repeat(at)}😀`)).not.toBe(hashText(`${'x'.repeat(at)}😁`));
  });
});

describe('textResponse', () => {
  it('streams the prefix and then the text in UTF-8, with its content type', async () => {
    for (const text of texts) {
      const response = textResponse(text, 'text/csv; charset=utf-8', new Uint8Array([0xef, 0xbb, 0xbf]));
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    }
    expect(await textResponse('città', 'text/plain').text()).toBe('città');
  });
});
