import type { Core } from '@strapi/strapi';

/**
 * Migration to shared partnerships. A project's partnerships used to be stored per language, each
 * language with its own list and its note in that language. Now one list (partner, role, order) is
 * shared by every language and carries both notes (`note` in Italian, `noteEn` in English).
 *
 * For each project, in its draft and its published version: the Italian list is the base; each
 * English row gives its note to the Italian row with the same partner and role (in order), and an
 * English row with no Italian counterpart is kept, appended. Every language version then gets the
 * merged list. Runs once per database (marked in Strapi's store), in one transaction.
 */

type Strapi = Core.Strapi;
const PROJECT = 'api::project.project';
const MIGRATION = 'shared-partnerships';

interface StoredPartnership {
  partner?: { id: number; documentId: string } | null;
  role: string;
  note?: string | null;
  noteEn?: string | null;
}

interface MergedPartnership {
  partner: number | null;
  role: string;
  note: string | null;
  noteEn: string | null;
}

const SOURCE_LOCALE = 'it';

/** Merges per-language lists into one: the source language's order, the other's notes. */
export function mergePartnerships(byLocale: Record<string, StoredPartnership[]>): MergedPartnership[] {
  const source = byLocale[SOURCE_LOCALE] ?? [];
  const english = [...(byLocale.en ?? [])];
  const base = source.length > 0 ? source : english.splice(0);
  const merged = base.map((row) => ({
    partner: row.partner?.id ?? null,
    partnerDocumentId: row.partner?.documentId ?? null,
    role: row.role,
    note: source.length > 0 ? (row.note ?? null) : null,
    noteEn: source.length > 0 ? (row.noteEn ?? null) : (row.note ?? null),
    matched: source.length === 0,
  }));
  for (const row of english) {
    const match = merged.find((m) => !m.matched && m.partnerDocumentId === (row.partner?.documentId ?? null) && m.role === row.role);
    if (match) Object.assign(match, { noteEn: row.note ?? null, matched: true });
    else
      merged.push({
        partner: row.partner?.id ?? null,
        partnerDocumentId: row.partner?.documentId ?? null,
        role: row.role,
        note: null,
        noteEn: row.note ?? null,
        matched: true,
      });
  }
  return merged.map(({ partnerDocumentId: _, matched: __, ...row }) => row);
}

export async function migrateToSharedPartnerships(strapi: Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'portfolio-migrations' });
  if (await store.get({ key: MIGRATION })) return;

  await strapi.db.transaction(async () => {
    const rows: Array<{ id: number; documentId: string; locale: string; publishedAt: string | null; partnerships: StoredPartnership[] }> =
      await strapi.db.query(PROJECT).findMany({
        select: ['id', 'documentId', 'locale', 'publishedAt'],
        populate: { partnerships: { populate: { partner: { select: ['id', 'documentId'] } } } },
      });
    const versions = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.documentId}:${row.publishedAt ? 'published' : 'draft'}`;
      versions.set(key, [...(versions.get(key) ?? []), row]);
    }
    let migrated = 0;
    for (const group of versions.values()) {
      const byLocale = Object.fromEntries(group.map((row) => [row.locale, row.partnerships ?? []]));
      const merged = mergePartnerships(byLocale);
      for (const row of group) {
        // A partner is linked in each language to its version in that language.
        const partnerships = [];
        for (const p of merged) {
          let partner = p.partner;
          if (partner !== null) {
            const source = await strapi.db
              .query('api::partner.partner')
              .findOne({ where: { id: partner }, select: ['documentId', 'publishedAt'] });
            const own =
              source &&
              (await strapi.db.query('api::partner.partner').findOne({
                where: {
                  documentId: source.documentId,
                  locale: row.locale,
                  publishedAt: source.publishedAt ? { $notNull: true } : { $null: true },
                },
                select: ['id'],
              }));
            partner = own?.id ?? null;
          }
          partnerships.push({ ...p, partner });
        }
        const components = await strapi.documents(PROJECT).updateComponents(row as never, { partnerships } as never);
        await strapi.db.query(PROJECT).update({ where: { id: row.id }, data: components });
      }
      migrated += 1;
    }
    await store.set({ key: MIGRATION, value: { at: new Date().toISOString(), versions: migrated } });
    if (migrated > 0) strapi.log.info(`[migration] partnerships shared by every language in ${migrated} project versions`);
  });
}
