import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALES } from '../bootstrap/locales';
import { FILE, publishedEntriesLinkingTo } from './linked-by-published';
import { describeEntries } from './related-drafts';

/**
 * Deleting a file in the media library unlinks it from every entry at once: a logo or a cover
 * image would drop off the published pages at the next rebuild, with no word to the officer and
 * no change to the entries themselves. A file that published entries show is not deleted; the
 * refusal names them. Checked before anything is deleted: Strapi removes the stored file before
 * its database row, and deletes a selection or a folder file by file.
 */
type FileRow = { id: number; documentId: string; name: string };
type Service = Record<string, (...args: never[]) => Promise<unknown>>;

/** At most this many entries are named for one file; the rest are counted. */
const NAMED = 5;

async function refuseFilesInUse(strapi: Core.Strapi, files: FileRow[]): Promise<void> {
  const locales = LOCALES.map((locale) => locale.code);
  for (const file of files) {
    const using = await publishedEntriesLinkingTo(strapi, FILE, file.documentId, locales);
    if (using.length === 0) continue;
    const more = using.length > NAMED ? ` e altre ${using.length - NAMED}` : '';
    throw new errors.ValidationError(
      `Eliminazione non eseguita: il file «${file.name}» compare nelle pagine pubblicate di ${describeEntries(using.slice(0, NAMED))}${more}. ` +
        'Sostituirlo o toglierlo prima in quelle voci e pubblicarle, poi riprovare.',
      { usedBy: using },
    );
  }
}

const filesWhere = (strapi: Core.Strapi, where: Record<string, unknown>): Promise<FileRow[]> =>
  strapi.db.query(FILE).findMany({ where, select: ['id', 'documentId', 'name'] });

/** Every path to deleting files in the upload plugin goes through these three methods. */
export function guardFilesInUse(strapi: Core.Strapi): void {
  const upload = strapi.plugin('upload');
  const wrap = (service: Service, method: string, filesOf: (...args: never[]) => Promise<FileRow[]>) => {
    const original = service[method]!.bind(service);
    service[method] = async (...args: never[]) => {
      await refuseFilesInUse(strapi, await filesOf(...args));
      return original(...args);
    };
  };
  wrap(upload.service('upload') as Service, 'remove', async (file: FileRow) => filesWhere(strapi, { id: file.id }));
  wrap(upload.service('file') as Service, 'deleteByIds', async (ids: number[] = []) => filesWhere(strapi, { id: { $in: ids } }));
  wrap(upload.service('folder') as Service, 'deleteByIds', async (ids: number[] = []) => {
    const folders: Array<{ path: string }> = await strapi.db.query('plugin::upload.folder').findMany({
      where: { id: { $in: ids } },
      select: ['path'],
    });
    if (folders.length === 0) return [];
    return filesWhere(strapi, { $or: folders.flatMap(({ path }) => [{ folderPath: path }, { folderPath: { $startsWith: `${path}/` } }]) });
  });
}
