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
