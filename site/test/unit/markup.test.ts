import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../src/lib/markup.ts';

describe('escapeMarkup', () => {
  it('writes markup characters and both quotes as entities, ampersands first', () => {
    expect(escapeMarkup(`<a href="x">Tom & Jerry's &amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s &amp;amp;&lt;/a&gt;',
    );
  });

  it('drops the characters XML 1.0 forbids and keeps tabs, newlines and other text', () => {
    expect(escapeMarkup('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\tg\nh\ri — é')).toBe('abcdef\tg\nh\ri — é');
  });
});
