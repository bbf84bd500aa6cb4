/** `node scripts/seed/read-bundle.ts`: validates every seed data file and reference, and says what it holds. */
import { readSeedBundle } from 'harness/seed-bundle';

const bundle = readSeedBundle();
console.log(
  `Seed data valid: ${bundle.projects.length} projects, ${bundle.partners.length} partners, ` +
    `${bundle.fundingLines.length} funding lines, ${bundle.themes.length} themes`,
);
