import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALES } from '../bootstrap/locales';
import { FILE, nameSome, publishedEntriesLinkingTo } from './linked-by-published';

/**
 * Deleting a file in the media library unlinks it from every entry at once: a logo or a cover
 * image would drop off the published pages at the next rebuild, with no word to the officer and
 * no change to the entries themselves. A file that published entries show is not deleted; the
 * refusal names them. Checked before anything is deleted: Strapi removes the stored file before
 * its database row, and a selection of files and folders file by file.
 */
type FileRow = { id: number; documentId: string; name: string };
type Route = { handler: string; config?: { middlewares?: unknown[] } };
type BulkDelete = { request: { body?: { fileIds?: unknown; folderIds?: unknown } } };

async function refuseFilesInUse(strapi: Core.Strapi, files: FileRow[]): Promise<void> {
  const locales = LOCALES.map((locale) => locale.code);
  for (const file of files) {
    const using = await publishedEntriesLinkingTo(strapi, FILE, file.documentId, locales);
    if (using.length === 0) continue;
    const there = using.length === 1 ? 'in quella voce e pubblicarla' : 'in quelle voci e pubblicarle';
    throw new errors.ValidationError(
      `Eliminazione non eseguita: il file «${file.name}» compare nelle pagine pubblicate di ${nameSome(using)}. ` +
        `Sostituirlo o toglierlo prima ${there}, poi riprovare.`,
      { usedBy: using },
    );
  }
}

/** The files a media-library selection deletes: those picked, and those in the folders picked and below. */
async function selectedFiles(strapi: Core.Strapi, fileIds: unknown, folderIds: unknown): Promise<FileRow[]> {
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : []);
  const folders: Array<{ path: string }> = await strapi.db
    .query('plugin::upload.folder')
    .findMany({ where: { id: { $in: ids(folderIds) } }, select: ['path'] });
  const inFolders = folders.flatMap(({ path }) => [{ folderPath: path }, { folderPath: { $startsWith: `${path}/` } }]);
  return strapi.db
    .query(FILE)
    .findMany({ where: { $or: [{ id: { $in: ids(fileIds) } }, ...inFolders] }, select: ['id', 'documentId', 'name'] });
}

export function guardFilesInUse(strapi: Core.Strapi): void {
  const upload = strapi.plugin('upload');
  // One file (the dialog's delete button), and whatever else removes a file.
  const service = upload.service('upload') as { remove(file: FileRow): Promise<unknown> };
  const remove = service.remove.bind(service);
  service.remove = async (file) => {
    await refuseFilesInUse(strapi, [file]);
    return remove(file);
  };
  // A selection: checked whole before Strapi removes its first file.
  const routes = (upload as unknown as { routes: { admin: { routes: Route[] } } }).routes.admin.routes;
  for (const route of routes.filter(({ handler }) => handler === 'admin-folder-file.deleteMany')) {
    const checkSelection = async (ctx: BulkDelete, next: () => Promise<unknown>) => {
      await refuseFilesInUse(strapi, await selectedFiles(strapi, ctx.request.body?.fileIds, ctx.request.body?.folderIds));
      return next();
    };
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), checkSelection] };
  }
}
