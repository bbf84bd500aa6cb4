/**
 * Labels that relation pickers and list views show for entries whose own fields say too little:
 * a partner by name, country and alternative names, a funding line by acronym, name and period
 * (two lines can share an acronym), an action or a community by code and title.
 */
import type { Core } from '@strapi/strapi';

type Entry = Record<string, any>;

export const ADMIN_LABELS: Record<string, { populate: string[]; label(entry: Entry): string }> = {
  'api::partner.partner': {
    populate: [],
    // "Città di Atene (GR) · Dimos Athinaion": the picker searches this label, so a partner is
    // found by any of its names. At most 255 characters (a varchar(255) column on PostgreSQL).
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
  'api::project.project': {
    populate: [],
    label: (p) => [p.acronym, p.title].filter(Boolean).join(' – '),
  },
  'api::action.action': {
    populate: ['project'],
    label: (a) => [a.project?.acronym, a.code, a.title].filter(Boolean).join(' · '),
  },
  'api::community-of-practice.community-of-practice': {
    populate: ['project'],
    label: (c) => [c.project?.acronym, c.code, c.title].filter(Boolean).join(' · '),
  },
};

/**
 * Gives a label to the entries that have none: those saved before their type had one (a funding
 * line in a database older than its label). Written directly: bookkeeping, not an edit.
 */
export async function backfillAdminLabels(strapi: Core.Strapi): Promise<void> {
  for (const [uid, labels] of Object.entries(ADMIN_LABELS)) {
    const query = strapi.db.query(uid as any);
    const unlabelled: Entry[] = await query.findMany({ where: { adminLabel: { $null: true } }, populate: labels.populate });
    for (const entry of unlabelled) {
      const label = labels.label(entry);
      if (label) await query.update({ where: { id: entry.id }, data: { adminLabel: label.slice(0, 255) } });
    }
  }
}
