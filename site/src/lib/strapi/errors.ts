/** The CMS could not be read: unreachable after retries, or it refused the request. */
export class CmsUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CmsUnavailableError';
  }
}

/** An entry the CMS returned does not satisfy the shared contract (shared-types schemas). */
export class ContentContractError extends Error {
  readonly contentType: string;
  readonly documentId: string;
  readonly locale: string;
  readonly problems: Array<{ path: string; reason: string }>;

  // Plain fields rather than parameter properties: scripts load this file with Node's type stripping.
  constructor(contentType: string, documentId: string, locale: string, problems: Array<{ path: string; reason: string }>) {
    super(
      `Content contract broken by ${contentType} documentId=${documentId} locale=${locale}:\n` +
        problems.map((p) => `  - ${p.path || '(entry)'}: ${p.reason}`).join('\n') +
        '\nFix the entry in the CMS admin (or the schema in shared-types) and build again.',
    );
    this.name = 'ContentContractError';
    this.contentType = contentType;
    this.documentId = documentId;
    this.locale = locale;
    this.problems = problems;
  }
}

/** What broke a build, in a form the publisher and the admin can read (not only a person). */
export interface BuildFailure {
  contentType: string;
  documentId: string;
  locale: string;
  /** The field's path in the entry ("country", "partnerships.0.role"); empty for the entry as a whole. */
  field: string;
  reason: string;
}

/** Starts the one line of a failed build's output that carries a BuildFailure as JSON. */
export const BUILD_FAILURE_MARKER = 'PORTFOLIO_BUILD_FAILURE ';

/** The machine-readable line for an entry that breaks the contract (its first problem). */
export function buildFailureLine(error: ContentContractError): string {
  const first = error.problems[0] ?? { path: '', reason: 'invalid entry' };
  const failure: BuildFailure = {
    contentType: error.contentType,
    documentId: error.documentId,
    locale: error.locale,
    field: first.path,
    reason: first.reason,
  };
  return `${BUILD_FAILURE_MARKER}${JSON.stringify(failure)}`;
}

/** The failure a build's output reports on its marker line (the last one), or null. */
export function parseBuildFailure(output: string): BuildFailure | null {
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .findLast((text) => text.startsWith(BUILD_FAILURE_MARKER));
  if (!line) return null;
  try {
    const value = JSON.parse(line.slice(BUILD_FAILURE_MARKER.length)) as Partial<BuildFailure>;
    const fields = ['contentType', 'documentId', 'locale', 'field', 'reason'] as const;
    if (!fields.every((name) => typeof value[name] === 'string')) return null;
    return Object.fromEntries(fields.map((name) => [name, value[name]])) as unknown as BuildFailure;
  } catch {
    return null;
  }
}
