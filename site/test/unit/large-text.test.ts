import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batched, measurePieces, textResponse } from '../../src/lib/large-text.ts';

const lines = ['città: 12€\r\n', 'ab😀cd\r\n', '', `${'x'.repeat(100_000)}😀è\n`, 'end\n'];
const text = lines.join('');

describe('batched', () => {
  it('joins whole lines into pieces of about the size asked, giving back the whole text', () => {
    const pieces = [...batched(lines, 8)];
    expect(pieces.join('')).toBe(text);
    // Every piece but the last reaches the size; no line is split across two pieces.
    expect(pieces).toEqual(['città: 12€\r\n', 'ab😀cd\r\n', `${'x'.repeat(100_000)}😀è\n`, 'end\n']);
    expect([...batched(['a\n', 'b\n'])]).toEqual(['a\nb\n']);
    expect([...batched([])]).toEqual([]);
  });
});

describe('measurePieces', () => {
  it('gives the UTF-8 size and SHA-1 of the whole text, however it is cut', () => {
    const whole = Buffer.from(text, 'utf8');
    const expected = { bytes: whole.length, sha1: createHash('sha1').update(whole).digest('base64url') };
    expect(measurePieces(batched(lines, 8))).toEqual(expected);
    expect(measurePieces([text])).toEqual(expected);
    expect(measurePieces([])).toEqual({ bytes: 0, sha1: createHash('sha1').digest('base64url') });
  });
});

describe('textResponse', () => {
  it('streams the prefix and then the pieces in UTF-8, with its content type', async () => {
    const response = textResponse(batched(lines, 8), 'text/csv; charset=utf-8', new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(await textResponse(['città'], 'text/plain').text()).toBe('città');
  });
});
