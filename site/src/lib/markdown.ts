import { Marked, type Tokens } from 'marked';
import { escapeMarkup } from './markup.ts';

const SAFE_URL = /^(https?:\/\/|mailto:|\/|#)/i;

/**
 * Markdown from the CMS rendered inert: raw HTML is shown as text, links keep only http(s),
 * mailto and site-relative targets, images are not rendered (media goes through the image pipeline).
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeMarkup(text),
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      if (!SAFE_URL.test(href.trim())) return label;
      const external = /^https?:\/\//i.test(href);
      return `<a href="${escapeMarkup(href)}"${title ? ` title="${escapeMarkup(title)}"` : ''}${external ? ' rel="noopener noreferrer"' : ''}>${label}</a>`;
    },
    image: ({ text }: Tokens.Image) => escapeMarkup(text),
  },
});

export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  return marked.parse(source, { async: false }) as string;
}

/** Plain text of a markdown snippet, for meta descriptions and search excerpts. */
export function markdownToText(source: string | null | undefined): string {
  if (!source) return '';
  return source
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Only http(s) and mailto links leave the site; anything else (javascript:, data:, relative or
 * unparsable text) is dropped, so `new URL()` on what comes back cannot throw.
 */
export function safeExternalUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed || !/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'mailto:' || parsed.hostname ? trimmed : null;
  } catch {
    return null;
  }
}
