import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SeedBundleSchema, formatIssues, type SeedBundle } from 'shared-types';
import { ROOT } from './paths.ts';

/** The seed content: the five source pages' projects, as JSON files (see scripts/seed/data/README). */
export const SEED_DATA_DIR = path.join(ROOT, 'scripts', 'seed', 'data');

const readJson = (file: string): unknown => {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
};

/** Reads the seed data files and validates them with the shared schemas; throws naming every problem. */
export function readSeedBundle(dir = SEED_DATA_DIR): SeedBundle {
  const projectsDir = path.join(dir, 'projects');
  const raw = {
    settings: readJson(path.join(dir, 'settings.json')),
    themes: readJson(path.join(dir, 'themes.json')),
    fundingLines: readJson(path.join(dir, 'funding-lines.json')),
    partners: readJson(path.join(dir, 'partners.json')),
    projects: readdirSync(projectsDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => readJson(path.join(projectsDir, name))),
  };
  const result = SeedBundleSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Seed data in ${dir} is invalid:\n${formatIssues(result.error)}`);
  }
  return result.data;
}

/** Reads one JSON file holding a whole bundle (tests, generated content); validated the same way. */
export function readSeedBundleFile(file: string): SeedBundle {
  const result = SeedBundleSchema.safeParse(readJson(file));
  if (!result.success) throw new Error(`Seed bundle ${file} is invalid:\n${formatIssues(result.error)}`);
  return result.data;
}
