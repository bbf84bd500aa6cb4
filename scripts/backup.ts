/**
 * `npm run backup [-- --file <path-without-extension>]`: an archive of the CMS (entries in both
 * locales with drafts, media files, configuration) in backups/. Encrypted when BACKUP_KEY is set.
 * `npm run restore -- <archive>`: puts an archive back (replacing the content; stop the CMS first).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCmsBuilt } from 'harness/cms';
import { ensureEnvFiles } from 'harness/env-file';
import { ROOT } from 'harness/paths';
import { exportBackup, importBackup } from 'harness/transfer';

const {
  positionals: [command, archive],
  values: args,
} = parseArgs({
  // `pnpm backup -- --file x` passes the `--` through, and parseArgs would take what follows as positionals.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { file: { type: 'string' } },
  allowPositionals: true,
});
const key = process.env.BACKUP_KEY || undefined;
ensureEnvFiles();
ensureCmsBuilt();

if (command === 'backup') {
  const base = args.file
    ? path.resolve(args.file)
    : path.join(ROOT, 'backups', `portfolio-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(path.dirname(base), { recursive: true });
  const file = exportBackup(base, { key });
  console.log(`Backup written: ${file}${key ? ' (encrypted with BACKUP_KEY)' : ' (not encrypted: set BACKUP_KEY to encrypt)'}`);
} else if (command === 'restore') {
  const file = archive;
  if (!file) {
    console.error('Usage: npm run restore -- <archive> (set BACKUP_KEY for an encrypted archive; stop the CMS first)');
    process.exit(1);
  }
  try {
    importBackup(path.resolve(file), { key });
  } catch (error) {
    console.error(`Restore failed: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`Restored ${file}: the CMS holds exactly the archive's content.`);
} else {
  console.error('Usage: node scripts/backup.ts backup|restore ...');
  process.exit(1);
}
