import type { StrapiApp } from 'harness/strapi-app';
import { CONTENT_TYPES, LOCALES, type ContentTypeName, type Locale, type SeedBundle, type SeedText } from 'shared-types';

/**
 * Imports a validated seed bundle through Strapi's Document Service, in dependency order:
 * themes, funding lines, partners, projects, then actions and communities, then site settings.
 *
 * Idempotent by construction: an entry (looked up by slug, or project + order for actions) is
 * created only when it does not exist in that locale, and only what this run created is published.
 * Entries that already exist are never changed, so an editor's work is never overwritten.
 *
 * `emptyDatabase: true` is the fast path for a fresh database (the benchmark): the
 * per-entry lookups are skipped, after checking once that no type holds any entry.
 */

type Uid = (typeof CONTENT_TYPES)[ContentTypeName]['uid'];

export interface ImportReport {
  /** Localized entries created, by content type. */
  created: Record<string, number>;
  /** Localized entries that already existed and were left as they were. */
  existing: Record<string, number>;
}

type Data = Record<string, unknown>;
/** Shared fields plus a function giving the localized fields for each locale. */
interface Entry {
  data: Data;
  localized(locale: Locale): Data;
}

const pick = (text: SeedText | undefined, locale: Locale): string | null => (text ? text[locale] : null);

export interface ImportOptions {
  /** The caller knows the database is empty: skip the lookups (checked once, refused otherwise). */
  emptyDatabase?: boolean;
}

export function importSeed(strapi: StrapiApp, bundle: SeedBundle, options: ImportOptions = {}): Promise<ImportReport> {
  // One transaction: a failed import leaves nothing behind (and SQLite commits once, ~20% faster).
  return strapi.db.transaction(() => importAll(strapi, bundle, options));
}

async function importAll(strapi: StrapiApp, bundle: SeedBundle, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { created: {}, existing: {} };
  const count = (bucket: Record<string, number>, uid: string) => (bucket[uid] = (bucket[uid] ?? 0) + 1);
  /** Documents created by this run and the locales created in each, in creation order. */
  const toPublish: Array<{ uid: Uid; documentId: string; locales: Locale[] }> = [];

  if (options.emptyDatabase) {
    for (const { uid } of Object.values(CONTENT_TYPES)) {
      const entries: number = await strapi.db.query(uid).count();
      if (entries > 0) throw new Error(`importSeed({ emptyDatabase: true }) refused: ${uid} already holds ${entries} entries`);
    }
  }

  /** Finds the document matching `filters` (any locale), creating each missing locale. */
  async function upsert(uid: Uid, filters: Data, entry: Entry): Promise<string> {
    const documents = strapi.documents(uid);
    let documentId: string | undefined;
    const created: Locale[] = [];
    for (const locale of LOCALES) {
      const found = options.emptyDatabase ? null : await documents.findFirst({ filters, locale, status: 'draft', fields: ['documentId'] });
      if (found) {
        documentId = found.documentId;
        count(report.existing, uid);
        continue;
      }
      const data = { ...entry.data, ...entry.localized(locale) };
      const saved = documentId ? await documents.update({ documentId, locale, data }) : await documents.create({ locale, data });
      const createdId: string = saved.documentId;
      documentId = createdId;
      count(report.created, uid);
      created.push(locale);
    }
    if (created.length > 0) toPublish.push({ uid, documentId: documentId!, locales: created });
    return documentId!;
  }

  const themes = new Map<string, string>();
  for (const theme of bundle.themes) {
    themes.set(
      theme.slug,
      await upsert(
        'api::theme.theme',
        { slug: theme.slug },
        {
          data: { slug: theme.slug },
          localized: (l) => ({ name: theme.name[l], description: pick(theme.description, l) }),
        },
      ),
    );
  }

  const fundingLines = new Map<string, string>();
  for (const line of bundle.fundingLines) {
    fundingLines.set(
      line.slug,
      await upsert(
        'api::funding-line.funding-line',
        { slug: line.slug },
        {
          data: {
            slug: line.slug,
            programmingPeriod: line.programmingPeriod ?? null,
            managementMode: line.managementMode ?? null,
            fundingStatement: line.fundingStatement,
            website: line.website ?? null,
          },
          localized: (l) => ({
            name: line.name[l],
            acronym: line.acronym[l],
            programme: pick(line.programme, l),
            managingBody: pick(line.managingBody, l),
            callReference: pick(line.callReference, l),
            decreeReference: pick(line.decreeReference, l),
            specificObjective: pick(line.specificObjective, l),
            applicationAreas: pick(line.applicationAreas, l),
            description: pick(line.description, l),
          }),
        },
      ),
    );
  }

  const partners = new Map<string, string>();
  for (const partner of bundle.partners) {
    partners.set(
      partner.slug,
      await upsert(
        'api::partner.partner',
        { slug: partner.slug },
        {
          data: {
            slug: partner.slug,
            shortName: partner.shortName ?? null,
            // One name per line: the CMS field is a plain text an officer edits line by line.
            alternativeNames: partner.alternativeNames?.length ? partner.alternativeNames.join('\n') : null,
            organisationType: partner.organisationType,
            country: partner.country ?? null,
            website: partner.website ?? null,
          },
          localized: (l) => ({ name: partner.name[l], city: pick(partner.city, l), description: pick(partner.description, l) }),
        },
      ),
    );
  }

  const ref = (map: Map<string, string>, slug: string) => {
    const documentId = map.get(slug);
    if (!documentId) throw new Error(`Seed reference to unknown slug "${slug}"`);
    return documentId;
  };

  for (const project of bundle.projects) {
    const projectId = await upsert(
      'api::project.project',
      { slug: project.slug },
      {
        data: {
          slug: project.slug,
          acronym: project.acronym,
          statusOverride: project.statusOverride ?? null,
          startDate: project.startDate ?? null,
          endDate: project.endDate ?? null,
          durationMonths: project.durationMonths ?? null,
          totalBudget: project.totalBudget ?? null,
          euContribution: project.euContribution ?? null,
          grantAgreementNumber: project.grantAgreementNumber ?? null,
          internalReference: project.internalReference ?? null,
          fundingLine: project.fundingLine ? ref(fundingLines, project.fundingLine) : null,
          themes: project.themes.map((slug) => ref(themes, slug)),
          // Shared by both languages; only the note is translated.
          partnerships: project.partnerships.map((p) => ({
            partner: ref(partners, p.partner),
            role: p.role,
            note: pick(p.note, 'it'),
            noteEn: pick(p.note, 'en'),
          })),
          website: project.website ?? null,
          sourceUpdatedOn: project.sourceUpdatedOn ?? null,
        },
        localized: (l) => ({
          title: project.title[l],
          subtitle: pick(project.subtitle, l),
          summary: project.summary[l],
          description: pick(project.description, l),
          objectives: pick(project.objectives, l),
          expectedResults: pick(project.expectedResults, l),
          targetGroups: pick(project.targetGroups, l),
          administrationRole: pick(project.administrationRole, l),
          sourceNotes: pick(project.sourceNotes, l),
          otherAmounts: project.otherAmounts.map((a) => ({ label: a.label[l], amount: a.amount ?? null, note: pick(a.note, l) })),
          links: project.links.map((link) => ({ label: link.label[l], url: link.url, kind: link.kind })),
        }),
      },
    );

    for (const [order, action] of project.actions.entries()) {
      await upsert(
        'api::action.action',
        { project: { documentId: projectId }, order },
        {
          data: { project: projectId, code: action.code ?? null, actionType: action.actionType, order },
          localized: (l) => ({
            title: action.title[l],
            description: pick(action.description, l),
            targetAudience: pick(action.targetAudience, l),
            subActions: action.subActions.map((s) => ({ letter: s.letter ?? null, text: s.text[l] })),
          }),
        },
      );
    }

    for (const [order, community] of project.communities.entries()) {
      await upsert(
        'api::community-of-practice.community-of-practice',
        { slug: community.slug },
        {
          data: {
            slug: community.slug,
            project: projectId,
            code: community.code ?? null,
            theme: community.theme ? ref(themes, community.theme) : null,
            members: community.members.map((slug) => ref(partners, slug)),
            order,
          },
          localized: (l) => ({
            title: community.title[l],
            guidingQuestion: pick(community.guidingQuestion, l),
            description: pick(community.description, l),
          }),
        },
      );
    }
  }

  const { settings } = bundle;
  await upsert(
    'api::site-setting.site-setting',
    {},
    {
      data: {
        institutionUrl: settings.institutionUrl ?? null,
        contactEmail: settings.contactEmail ?? null,
        accessibilityStatementUrl: settings.accessibilityStatementUrl ?? null,
        privacyUrl: settings.privacyUrl ?? null,
        legalNotesUrl: settings.legalNotesUrl ?? null,
      },
      localized: (l) => ({
        siteName: settings.siteName[l],
        tagline: pick(settings.tagline, l),
        institutionName: settings.institutionName[l],
        parentInstitutionName: pick(settings.parentInstitutionName, l),
      }),
    },
  );

  // Publish what was created, referenced types first so published relations resolve. One call
  // per document when this run created every locale of it (half the work of one per locale).
  for (const { uid, documentId, locales } of toPublish) {
    if (locales.length === LOCALES.length) await strapi.documents(uid).publish({ documentId, locale: '*' });
    else for (const locale of locales) await strapi.documents(uid).publish({ documentId, locale });
  }
  return report;
}
