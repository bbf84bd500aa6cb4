/**
 * Cross-field rules for a project that per-field validation (Strapi's or zod's) cannot express:
 * the one declaration, used by the CMS on every write (cms/src/validation/document-middleware.ts)
 * and by the seed file format (`SeedBundleSchema`, seed.ts). Pure, with no imports: the CMS
 * requires this file at run time on its own (the `shared-types/project-rules` export).
 */

/** What each rule refuses, in English (the seed's errors, beside its other English messages). */
export const PROJECT_RULES = {
  'end-before-start': 'end date before start date',
  'negative-amount': 'negative amount',
  'eu-above-total': 'EU contribution above the total budget',
  'partner-role-twice': 'the same partner twice in the same role with the same note',
} as const;
export type ProjectRule = keyof typeof PROJECT_RULES;

export interface RuleViolation {
  rule: ProjectRule;
  /** Field path within the project, as the admin reports it, e.g. ['partnerships', 2, 'partner']. */
  path: Array<string | number>;
  /** In Italian, naming the values: what the admin shows on the field. */
  message: string;
}

/** A project as the CMS reads its saved draft; the seed maps its files onto the same shape. */
export interface ProjectForRules {
  startDate?: { date?: string | null } | null;
  endDate?: { date?: string | null } | null;
  /** Strapi returns decimals as numbers or, on PostgreSQL, as strings. */
  totalBudget?: number | string | null;
  euContribution?: number | string | null;
  otherAmounts?: Array<{ amount?: number | string | null }> | null;
  partnerships?: Array<{
    role?: string | null;
    /** Tells apart two groupings the same partner leads in the same role. */
    note?: string | null;
    /** `documentId` identifies the partner (the seed passes its slug); `name` is what the message shows. */
    partner?: { documentId?: string; name?: string } | null;
  }> | null;
}

const toNumber = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

const isNegative = (value: number | null) => value !== null && (!Number.isFinite(value) || value < 0);

/** Every rule the project breaks, in field order; none when it keeps them all. */
export function projectRuleViolations(project: ProjectForRules): RuleViolation[] {
  const violations: RuleViolation[] = [];

  const start = project.startDate?.date;
  const end = project.endDate?.date;
  if (start && end && end < start) {
    violations.push({
      rule: 'end-before-start',
      path: ['endDate', 'date'],
      message: `La data di fine (${end}) non può precedere la data di inizio (${start}).`,
    });
  }

  const total = toNumber(project.totalBudget);
  const eu = toNumber(project.euContribution);
  for (const [field, value] of [
    ['totalBudget', total],
    ['euContribution', eu],
  ] as const) {
    if (isNegative(value)) {
      violations.push({ rule: 'negative-amount', path: [field], message: 'Gli importi non possono essere negativi.' });
    }
  }
  if (total !== null && eu !== null && eu > total) {
    violations.push({
      rule: 'eu-above-total',
      path: ['euContribution'],
      message: `Il contributo UE (${eu}) non può superare il budget totale (${total}).`,
    });
  }
  project.otherAmounts?.forEach((amount, index) => {
    if (isNegative(toNumber(amount.amount))) {
      violations.push({
        rule: 'negative-amount',
        path: ['otherAmounts', index, 'amount'],
        message: 'Gli importi non possono essere negativi.',
      });
    }
  });

  const seen = new Set<string>();
  project.partnerships?.forEach((partnership, index) => {
    const partner = partnership.partner;
    if (!partner?.documentId || !partnership.role) return;
    // The same role twice is allowed only for different groupings, told apart by the note
    // (one cooperative leading two territorial ATS in the same project).
    const key = `${partner.documentId}:${partnership.role}:${(partnership.note ?? '').trim().toLowerCase()}`;
    if (seen.has(key)) {
      violations.push({
        rule: 'partner-role-twice',
        path: ['partnerships', index, 'partner'],
        message: `Il partner "${partner.name ?? partner.documentId}" compare più volte con lo stesso ruolo (${partnership.role}): usare la nota per distinguere ambiti diversi.`,
      });
    }
    seen.add(key);
  });

  return violations;
}
