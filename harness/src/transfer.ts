import { spawnSync } from 'node:child_process';
import { createDecipheriv, scryptSync } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { CMS_DIR } from './paths.ts';

const STRAPI_BIN = path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

export interface TransferOptions {
  /** Encryption key; without one the archive is written unencrypted (and said so). */
  key?: string;
  /** Environment on top of cms/.env (another database, for tests and migrations). */
  env?: Record<string, string>;
}

function strapi(args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, [STRAPI_BIN, ...args], {
    cwd: CMS_DIR,
    env: { ...process.env, STRAPI_LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`strapi ${args[0]} failed (exit ${result.status ?? result.signal}):\n${output.slice(-3000)}`);
  return output;
}

/**
 * Writes every entry (drafts included, both locales), the media library with its files, and the
 * configuration to one archive: `<base>.tar.gz`, or `<base>.tar.gz.enc` with a key.
 * Returns the archive's path.
 */
export function exportBackup(base: string, { key, env = {} }: TransferOptions = {}): string {
  strapi(['export', '--file', base, ...(key ? ['--key', key] : ['--no-encrypt'])], env);
  return `${base}.tar.gz${key ? '.enc' : ''}`;
}

/**
 * Whether `key` opens an encrypted archive: its first block must decrypt to gzip's magic bytes.
 * Strapi encrypts with AES-128-ECB under scrypt(key); checked here because `strapi import` given a
 * wrong key can hang with a transaction open instead of failing.
 */
export function keyOpensArchive(file: string, key: string): boolean {
  const firstBlock = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, firstBlock, 0, 16, 0) < 16) return false;
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-128-ecb', scryptSync(key, '', 16), null).setAutoPadding(false);
  const plain = decipher.update(firstBlock);
  return plain[0] === 0x1f && plain[1] === 0x8b;
}

/** Replaces the database's content with an archive's (Strapi's import deletes what was there first). */
export function importBackup(file: string, { key, env = {} }: TransferOptions = {}): void {
  if (!existsSync(file)) throw new Error(`no backup archive at ${file}`);
  const encrypted = file.endsWith('.enc');
  if (encrypted && !key) throw new Error(`${file} is encrypted: set BACKUP_KEY to the key it was made with`);
  if (encrypted && !keyOpensArchive(file, key!)) throw new Error(`the key does not open ${file}: nothing was changed`);
  strapi(['import', '--file', file, '--force', ...(encrypted ? ['--key', key!] : [])], env);
}
