/**
 * Labels that relation pickers and list views show for entries whose own fields say too little:
 * a partner by name, country and alternative names, an action or a community by code and title.
 */
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
