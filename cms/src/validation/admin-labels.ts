/**
 * Labels that relation pickers and list views show for entries whose own fields say too little:
 * a partner by name, country and alternative names, a funding line by acronym, name and period
 * (two lines can share an acronym), an action or a community by code and title.
 */
import type { Core, Data, UID } from '@strapi/strapi';

/**
 * The Italian role names the public site uses. shared-types is TypeScript source, which Node 24
 * loads at run time; the CMS's compiler (CommonJS, Node resolution) cannot follow its exports map,
 * so it is required, not imported, with the one type used here.
 */
const { ROLE_LABELS } = require('shared-types/enum-labels') as { ROLE_LABELS: Record<string, { it: string }> };

interface AdminLabel {
  populate: string[];
  label(entry: Record<string, unknown>): string;
}

/** Each label is written against its type's generated attributes (types/generated). */
const LABELS = {
  // "Città di Atene (GR) · Dimos Athinaion": the picker searches this label, so a partner is
  // found by any of its names. At most 255 characters (a varchar(255) column on PostgreSQL).
  'api::partner.partner': {
    populate: [],
    label: (p) => {
      const main = [p.name, p.country && `(${p.country})`].filter(Boolean).join(' ');
      const others = String(p.alternativeNames ?? '')
        .split(/\r?\n/)
        .map((name) => name.trim())
        .filter((name, index, names) => name && name !== p.name && names.indexOf(name) === index);
      const label = [main, ...others].join(' · ');
      return label.length <= 255 ? label : `${label.slice(0, 254)}…`;
    },
  },
  'api::funding-line.funding-line': {
    populate: [],
    label: (f) => {
      const name = !f.name || f.name.startsWith(f.acronym) ? (f.name ?? f.acronym) : `${f.acronym} – ${f.name}`;
      return f.programmingPeriod && !name.includes(f.programmingPeriod) ? `${name} (${f.programmingPeriod})` : name;
    },
  },
  'api::project.project': { populate: [], label: (p) => [p.acronym, p.title].filter(Boolean).join(' – ') },
  // "A1 · Laboratorio di quartiere · PLEIADI": its own words first, where a project's form shows its
  // actions side by side in a narrow column, cut to their first twenty characters or so.
  'api::action.action': { populate: ['project'], label: (a) => [a.code, a.title, a.project?.acronym].filter(Boolean).join(' · ') },
  'api::community-of-practice.community-of-practice': {
    populate: ['project'],
    label: (c) => [c.code, c.title, c.project?.acronym].filter(Boolean).join(' · '),
  },
} satisfies { [T in UID.ContentType]?: { populate: string[]; label(entry: Data.ContentType<T>): string } };

/** The label of a type's entries, if it has one: the functions take database rows with `populate` loaded. */
export const ADMIN_LABELS: Readonly<Record<string, AdminLabel>> = LABELS;

/** The types whose label names their project by its acronym. */
export const LABELLED_WITH_PROJECT = ['api::action.action', 'api::community-of-practice.community-of-practice'];

/** Recomputes the admin labels of these documents (every document when none are given), in every language version. */
export async function relabel(strapi: Core.Strapi, uid: string, documentIds?: string[]): Promise<void> {
  const labels = ADMIN_LABELS[uid];
  if (!labels || documentIds?.length === 0) return;
  // Every language version: shared fields (a partner's country, its other names) are copied
  // to the other languages, whose labels must follow.
  const versions: Array<Record<string, unknown> & { documentId: string; locale: string }> = await strapi.db.query(uid as never).findMany({
    where: { ...(documentIds ? { documentId: { $in: [...new Set(documentIds)] } } : {}), publishedAt: { $null: true } },
    populate: labels.populate,
  });
  for (const version of versions) {
    const adminLabel = labels.label(version);
    if (adminLabel && version.adminLabel !== adminLabel) {
      // A direct query: the label is bookkeeping, not an edit that should run this middleware again.
      // 255: a string column is varchar(255) on PostgreSQL.
      await strapi.db.query(uid as never).updateMany({
        where: { documentId: version.documentId, locale: version.locale },
        data: { adminLabel: adminLabel.slice(0, 255) },
      });
    }
  }
}

const PARTNERSHIP = 'project.partnership';

/**
 * A partnership row of a project's edit view is titled by this label, "Capofila · Comune di
 * Bologna": who is who without opening every row. Computed for the rows `where` selects.
 */
export async function labelPartnerships(strapi: Core.Strapi, where: Record<string, unknown>): Promise<void> {
  const query = strapi.db.query(PARTNERSHIP);
  const rows: Data.Component<'project.partnership'>[] = await query.findMany({ where, populate: { partner: { select: ['name'] } } });
  for (const row of rows) {
    const role = ROLE_LABELS[row.role]?.it ?? row.role;
    const label = [role, row.partner?.name].filter(Boolean).join(' · ').slice(0, 255);
    if (label !== row.adminLabel) await query.update({ where: { id: row.id }, data: { adminLabel: label } });
  }
}

/** The partnership rows of every draft version of a project. */
export async function labelProjectPartnerships(strapi: Core.Strapi, documentId: string): Promise<void> {
  const versions: Data.ContentType<'api::project.project'>[] = await strapi.db.query('api::project.project').findMany({
    where: { documentId, publishedAt: { $null: true } },
    populate: { partnerships: true },
  });
  const ids = versions.flatMap((version) => (version.partnerships ?? []).map((row) => row.id));
  if (ids.length > 0) await labelPartnerships(strapi, { id: { $in: ids } });
}

/** Marks, in Strapi's store, a database whose actions' and communities' labels were all computed again (the second time). */
const PROJECT_MEMBER_LABELS = 'project-member-labels-2';

/**
 * Gives a label to the entries that have none: those saved before their type had one (a funding
 * line in a database older than its label). Written directly: bookkeeping, not an edit.
 */
export async function backfillAdminLabels(strapi: Core.Strapi): Promise<void> {
  for (const [uid, labels] of Object.entries(ADMIN_LABELS)) {
    const query = strapi.db.query(uid);
    const unlabelled: Array<Record<string, unknown> & { id: number }> = await query.findMany({
      where: { adminLabel: { $null: true } },
      populate: labels.populate,
    });
    for (const entry of unlabelled) {
      const label = labels.label(entry);
      if (label) await query.update({ where: { id: entry.id }, data: { adminLabel: label.slice(0, 255) } });
    }
  }
  await labelPartnerships(strapi, { adminLabel: { $null: true } });

  // Before 7 December, an action's or a community's label kept the acronym of a project that had
  // been renamed, deleted or had unlinked it in its own form; until the 8th, it began with the
  // acronym. All are computed again, once per database.
  const store = strapi.store({ type: 'core', name: 'portfolio-migrations' });
  if (!(await store.get({ key: PROJECT_MEMBER_LABELS }))) {
    for (const uid of LABELLED_WITH_PROJECT) await relabel(strapi, uid);
    await store.set({ key: PROJECT_MEMBER_LABELS, value: true });
  }
}
