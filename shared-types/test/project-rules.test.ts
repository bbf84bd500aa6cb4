import { describe, expect, it } from 'vitest';
import { projectRuleViolations } from '../src/project-rules.ts';

const partner = (documentId: string) => ({ documentId, name: `Partner ${documentId}` });

describe('projectRuleViolations', () => {
  it('accepts a project that keeps every rule', () => {
    expect(
      projectRuleViolations({
        startDate: { date: '2025-01-01' },
        endDate: { date: '2027-12-31' },
        totalBudget: '1000.50',
        euContribution: 900,
        otherAmounts: [{ amount: 10 }, { amount: null }],
        partnerships: [
          { role: 'lead', partner: partner('a') },
          { role: 'partner', note: 'ATS Nord', partner: partner('b') },
          { role: 'partner', note: 'ATS Sud', partner: partner('b') },
        ],
      }),
    ).toEqual([]);
  });

  it('names both dates when the end precedes the start, on the end date', () => {
    expect(projectRuleViolations({ startDate: { date: '2026-05-01' }, endDate: { date: '2026-04-30' } })).toEqual([
      {
        rule: 'end-before-start',
        path: ['endDate', 'date'],
        message: 'La data di fine (2026-04-30) non può precedere la data di inizio (2026-05-01).',
      },
    ]);
  });

  it('refuses negative amounts and an EU contribution above the total, amounts given as strings too', () => {
    const violations = projectRuleViolations({ totalBudget: '10', euContribution: '11', otherAmounts: [{ amount: -1 }] });
    expect(violations.map((v) => [v.rule, v.path.join('.')])).toEqual([
      ['eu-above-total', 'euContribution'],
      ['negative-amount', 'otherAmounts.0.amount'],
    ]);
    expect(violations[0]!.message).toBe('Il contributo UE (11) non può superare il budget totale (10).');
  });

  it('refuses the same partner twice in the same role unless the notes tell the groupings apart', () => {
    const violations = projectRuleViolations({
      partnerships: [
        { role: 'partner', note: 'ATS Nord', partner: partner('b') },
        { role: 'partner', note: ' ats nord ', partner: partner('b') },
      ],
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]!.path).toEqual(['partnerships', 1, 'partner']);
    expect(violations[0]!.message).toContain('Il partner "Partner b" compare più volte con lo stesso ruolo (partner)');
  });
});
