/**
 * Labels that relation pickers and list views show for entries whose own fields say too little:
 * a partner by name and country, an action or a community by code and title.
 */
type Entry = Record<string, any>;

export const ADMIN_LABELS: Record<string, { populate: string[]; label(entry: Entry): string }> = {
  'api::partner.partner': {
    populate: [],
    label: (p) => [p.name, p.country && `(${p.country})`].filter(Boolean).join(' '),
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
