import { VERSION_HEADER } from '../integrity/version-header';

/**
 * Tells the CMS which saved version of an entry each write was edited from, so that a form loaded
 * before someone else's save cannot overwrite it (integrity/edit-conflicts.ts says why), and keeps
 * what a refused write would have changed, for the officer to copy back.
 *
 * Strapi's edit view keeps no version in its form, but every form is built from the draft the
 * Content Manager last fetched: a fetch after another save resets the form. So the version is the
 * one the CMS sent with its last answer for that entry and language, read here on the way through
 * the admin's fetch, and sent back with its saves, publishes and discards.
 * After a refusal Strapi fetches the entry again and its form shows the newer save: what the
 * officer had typed is kept in this tab's session storage and listed by UnsavedChangesPanel.
 */
const DOCUMENT_PATH =
  /\/content-manager\/(collection-types\/[^/?]+\/[^/?]+|single-types\/[^/?]+)(\/actions\/(publish|discard|unpublish))?$/;
const STORAGE_PREFIX = 'portfolio-refused-changes:';
/** Fired on window when a write is refused, for the panel to show it at once. */
export const REFUSED_EVENT = 'portfolio:refused-changes';

type Fields = Record<string, unknown>;
/** Per entry and language: the draft as last fetched or saved, and its version. */
const loaded = new Map<string, { version: string; draft: Fields }>();

/**
 * A field the refused write would have changed: `value` for the fields a person types; `lines` for
 * links, files, choices and components, in the CMS's words ("Aggiunti: «Comune di Bologna»").
 */
export interface RefusedChange {
  field: string;
  value?: string;
  lines?: string[];
}
export interface RefusedChanges {
  refusedAt: string;
  changes: RefusedChange[];
}

/** The key of an entry in a language, as the panel knows it too. */
export const entryKey = (collectionType: string, model: string, documentId: string | undefined, locale: string) =>
  `${collectionType === 'single-types' ? `single-types/${model}` : `collection-types/${model}/${documentId}`}?locale=${locale}`;

/** The entry and language a Content Manager request is about, or null for any other request. */
function requestKey(url: URL): string | null {
  if (!url.pathname.includes('/content-manager/')) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const match = DOCUMENT_PATH.exec(path);
  return match ? `${match[1]}?locale=${url.searchParams.get('locale') ?? ''}` : null;
}

const SYSTEM_FIELDS = new Set(['id', 'documentId', 'locale', 'status', 'createdAt', 'updatedAt', 'publishedAt', 'localizations']);
const isRelationChange = (value: unknown): value is { connect?: unknown[]; disconnect?: unknown[] } =>
  typeof value === 'object' && value !== null && ('connect' in value || 'disconnect' in value);
/** Ids and the admin's row keys differ between what is fetched and what is sent; a relation left alone is sent as no change. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (isRelationChange(value)) return value.connect?.length || value.disconnect?.length ? value : undefined;
  if (typeof value === 'object' && value !== null) {
    if ('count' in value && Object.keys(value).length === 1) return undefined;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id' && key !== '__temp_key__')
        .map(([key, inner]) => [key, comparable(inner)]),
    );
  }
  return value === null || value === '' ? undefined : value;
}

/** What `sent` changes against the draft the form was loaded from; `readable`: the CMS's words for its links and components. */
export function refusedChanges(before: Fields, sent: Fields, readable: Record<string, string[]> = {}): RefusedChange[] {
  return Object.entries(sent).flatMap(([field, value]): RefusedChange[] => {
    if (SYSTEM_FIELDS.has(field)) return [];
    if (JSON.stringify(comparable(value)) === JSON.stringify(comparable(before[field]))) return [];
    // A choice (an enumeration, a yes/no) by its label; text and numbers as typed, to copy.
    if (readable[field] || (typeof value !== 'string' && typeof value !== 'number')) return [{ field, lines: readable[field] }];
    return [{ field, value: String(value) }];
  });
}

function parseForm(sent: string): Fields {
  try {
    const form: unknown = JSON.parse(sent);
    return typeof form === 'object' && form !== null ? (form as Fields) : {};
  } catch {
    return {};
  }
}

export function readRefusedChanges(key: string): RefusedChanges | null {
  const stored = sessionStorage.getItem(STORAGE_PREFIX + key);
  return stored ? (JSON.parse(stored) as RefusedChanges) : null;
}
export function forgetRefusedChanges(key: string): void {
  sessionStorage.removeItem(STORAGE_PREFIX + key);
  window.dispatchEvent(new Event(REFUSED_EVENT));
}

export function sendEditedVersions(): void {
  const fetchAsStrapiDoes = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const key = requestKey(url);
    if (!key) return fetchAsStrapiDoes(input, init);
    const request = new Request(input, init);
    const isWrite = request.method === 'PUT' || request.method === 'POST';
    const before = loaded.get(key);
    // What a save or publish sends is the form; a discard or an unpublish sends no field.
    const sendsForm = isWrite && !/\/actions\/(discard|unpublish)$/.test(url.pathname);
    const sent = sendsForm ? await request.clone().text() : '';
    if (isWrite && before) request.headers.set(VERSION_HEADER, before.version);
    const response = await fetchAsStrapiDoes(request);
    const answer = () =>
      response
        .clone()
        .json()
        .catch(() => ({})) as Promise<{ data?: Fields; error?: { details?: { readable?: Record<string, string[]> } } }>;
    if (response.ok) {
      const { data } = await answer();
      const version = response.headers.get(VERSION_HEADER);
      // A read of the published version is not what a form edits; a write answers with the draft saved.
      if (data && version && (isWrite || !data.publishedAt)) loaded.set(key, { version, draft: data });
    } else if (response.status === 409 && before && sendsForm) {
      // Kept even when empty: the refusal points to the panel, which then says there is nothing to redo.
      const form = parseForm(sent);
      const { error } = await answer();
      const changes = refusedChanges(before.draft, form, error?.details?.readable);
      const refused: RefusedChanges = { refusedAt: new Date().toISOString(), changes };
      sessionStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(refused));
      window.dispatchEvent(new Event(REFUSED_EVENT));
    }
    return response;
  };
}
