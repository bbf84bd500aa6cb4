/** Cross-field rules for a project that Strapi's per-field validation cannot express. */

export interface RuleViolation {
  /** Field path as the admin reports it, e.g. ['partnerships', 2, 'partner']. */
  path: Array<string | number>;
  message: string;
}

interface PartialDate {
  date?: string | null;
}

interface ProjectForRules {
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
  totalBudget?: number | string | null;
  euContribution?: number | string | null;
  otherAmounts?: Array<{ label?: string | null; amount?: number | string | null }> | null;
  partnerships?: Array<{
    role?: string | null;
    note?: string | null;
    partner?: { documentId?: string; name?: string } | null;
  }> | null;
}

const toNumber = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

export function projectRuleViolations(project: ProjectForRules): RuleViolation[] {
  const violations: RuleViolation[] = [];

  const start = project.startDate?.date;
  const end = project.endDate?.date;
  if (start && end && end < start) {
    violations.push({
      path: ['endDate', 'date'],
      message: `La data di fine (${end}) non può precedere la data di inizio (${start}).`,
    });
  }

  const total = toNumber(project.totalBudget);
  const eu = toNumber(project.euContribution);
  for (const [field, value] of [['totalBudget', total], ['euContribution', eu]] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0)) {
      violations.push({ path: [field], message: 'Gli importi non possono essere negativi.' });
    }
  }
  if (total !== null && eu !== null && eu > total) {
    violations.push({
      path: ['euContribution'],
      message: `Il contributo UE (${eu}) non può superare il budget totale (${total}).`,
    });
  }
  project.otherAmounts?.forEach((amount, index) => {
    const value = toNumber(amount.amount);
    if (value !== null && (!Number.isFinite(value) || value < 0)) {
      violations.push({ path: ['otherAmounts', index, 'amount'], message: 'Gli importi non possono essere negativi.' });
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
        path: ['partnerships', index, 'partner'],
        message: `Il partner "${partner.name ?? partner.documentId}" compare più volte con lo stesso ruolo (${partnership.role}): usare la nota per distinguere ambiti diversi.`,
      });
    }
    seen.add(key);
  });

  return violations;
}
