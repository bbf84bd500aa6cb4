import type { z } from 'zod';

/** One line per issue: `path.to.field: message`, the form every error of the contract uses. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('\n');
}
