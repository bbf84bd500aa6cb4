/**
 * The project's cross-field rules (dates in order, amounts not negative, the EU contribution within
 * the budget, a partner once per role and grouping) are declared once, in
 * shared-types/src/project-rules.ts, which the seed file format applies too. shared-types is
 * TypeScript source, which Node 24 loads at run time; the CMS's compiler (CommonJS, Node
 * resolution) cannot follow its exports map, so it is required, not imported, with the types used here.
 */

/** A refusal of one field: what the admin shows on it. */
export interface RuleViolation {
  /** Field path as the admin reports it, e.g. ['partnerships', 2, 'partner']. */
  path: Array<string | number>;
  message: string;
}

export const { projectRuleViolations } = require('shared-types/project-rules') as {
  /** Every rule the saved project draft (dates, amounts and partnerships populated) breaks, in Italian. */
  projectRuleViolations(project: object): RuleViolation[];
};
