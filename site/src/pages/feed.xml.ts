import type { APIRoute } from 'astro';
import { STATUS_LABELS, type Locale } from 'shared-types';
import { t } from '../lib/i18n.ts';
import { getPortfolio, type Portfolio } from '../lib/portfolio.ts';
import { safeExternalUrl } from '../lib/markdown.ts';
import { escapeMarkup } from '../lib/markup.ts';
import { href } from 'shared-types/routes';

/** Site path of the feed in a language. */
export const feedPath = (locale: Locale): string => (locale === 'it' ? '/feed.xml' : '/en/feed.xml');

/**
 * Atom feed (RFC 4287) of the projects in one language: one entry per project, the most recently
 * updated first; the entry id is the project's page URL, `updated` the newest change shown on it.
 */
export function atomFeed(portfolio: Portfolio, site: URL): string {
  const { locale, settings } = portfolio;
  const institutionUrl = safeExternalUrl(settings.institutionUrl);
  const url = (path: string) => escapeMarkup(new URL(path, site).href);
  const views = [...portfolio.projects].sort((a, b) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.project.slug.localeCompare(b.project.slug),
  );
  const updated = views[0]?.updatedAt ?? portfolio.updatedAt;
  const entries = views.map((view) => {
    const { project } = view;
    const page = url(href(locale, { page: 'project', slug: project.slug }));
    const title = project.acronym === project.title ? project.title : `${project.acronym} – ${project.title}`;
    return [
      '  <entry>',
      `    <id>${page}</id>`,
      `    <title>${escapeMarkup(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${page}"/>`,
      `    <updated>${escapeMarkup(view.updatedAt)}</updated>`,
      `    <summary>${escapeMarkup(project.summary)}</summary>`,
      `    <category term="${view.status}" label="${escapeMarkup(STATUS_LABELS[view.status][locale])}"/>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${url(feedPath(locale))}</id>`,
    `  <title>${escapeMarkup(`${settings.siteName} – ${t(locale, 'projects')}`)}</title>`,
    ...(settings.tagline ? [`  <subtitle>${escapeMarkup(settings.tagline)}</subtitle>`] : []),
    `  <updated>${escapeMarkup(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${url(feedPath(locale))}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(href(locale, { page: 'projects' }))}"/>`,
    `  <author><name>${escapeMarkup(settings.institutionName)}</name>${institutionUrl ? `<uri>${escapeMarkup(institutionUrl)}</uri>` : ''}</author>`,
    `  <rights>${escapeMarkup(t(locale, 'licence'))}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The GET handler of the feed in a language. */
export const feedRoute =
  (locale: Locale): APIRoute =>
  async ({ site }) => {
    if (!site) throw new Error('The feed needs absolute URLs: set `site` in astro.config.ts (SITE_URL).');
    return new Response(atomFeed(await getPortfolio(locale), site), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
  };

export const GET = feedRoute('it');
