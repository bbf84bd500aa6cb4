import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown, safeExternalUrl } from '../../src/lib/markdown.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">',
  '</p><script>alert(1)</script><p>',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders raw HTML as text: %s', (payload) => {
    const html = renderMarkdown(`Testo ${payload} fine`);
    expect(html).not.toMatch(/<(script|img|svg|iframe|div|a)\b/i);
    expect(html).toContain('&lt;');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])(
    'drops links to %s but keeps their text',
    (url) => {
      const html = renderMarkdown(`[clicca qui](${url})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('clicca qui');
    },
  );

  it('keeps http(s), mailto and site links, marking external ones noopener', () => {
    const html = renderMarkdown('[a](https://example.org) [b](mailto:info@example.org) [c](/progetti/)');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="mailto:info@example.org">b</a>');
    expect(html).toContain('<a href="/progetti/">c</a>');
  });

  it('escapes quotes in link targets so attributes cannot be broken out of', () => {
    const html = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))');
    // The quote stays inside the href value, escaped: the tag has no other attribute.
    expect(html).toMatch(/^<p><a href="[^"]*&quot;onmouseover=&quot;[^"]*" rel="noopener noreferrer">x<\/a><\/p>\n$/);
  });

  it('renders lists and emphasis', () => {
    expect(renderMarkdown('- uno\n- *due*')).toBe('<ul>\n<li>uno</li>\n<li><em>due</em></li>\n</ul>\n');
  });

  it('does not render images (media goes through the image pipeline)', () => {
    expect(renderMarkdown('![alt](https://example.org/x.png)')).not.toContain('<img');
  });
});

describe('safeExternalUrl', () => {
  it('allows only http(s) and mailto', () => {
    expect(safeExternalUrl(' https://example.org ')).toBe('https://example.org');
    expect(safeExternalUrl('HTTP://Example.org/a?q=1')).toBe('HTTP://Example.org/a?q=1');
    expect(safeExternalUrl('mailto:a@b.it')).toBe('mailto:a@b.it');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('data:text/html,x')).toBeNull();
    expect(safeExternalUrl('//evil.example')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
  });

  it('drops what does not parse as a URL instead of failing the build', () => {
    for (const text of ['http://', 'https://exa mple.org', 'https://[::1', 'http://a:b:c']) expect(safeExternalUrl(text)).toBeNull();
  });
});

describe('markdownToText', () => {
  it('keeps link text and drops markup', () => {
    expect(markdownToText('Vedi **il [sito](https://x.it)**\n\n- uno')).toBe('Vedi il sito uno');
  });
});
