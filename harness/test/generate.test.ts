import { SeedBundleSchema } from 'shared-types';
import { describe, expect, it } from 'vitest';
import { createRandom, generateBundle } from '../src/generate.ts';

describe('generateBundle', () => {
  const bundle = generateBundle({ projects: 40, seed: 7 });

  it('makes a bundle the seed schema accepts', () => {
    expect(SeedBundleSchema.safeParse(bundle).success).toBe(true);
  });

  it('gives every project about 8 partners, 3 actions and 2 communities', () => {
    for (const project of bundle.projects) {
      expect(project.partnerships).toHaveLength(8);
      expect(new Set(project.partnerships.map((p) => p.partner)).size).toBe(8);
      expect(project.actions).toHaveLength(3);
      expect(project.communities).toHaveLength(2);
    }
  });

  it('draws partners from a shared pool of 2.5 × the projects, so they recur across projects', () => {
    expect(bundle.partners).toHaveLength(100);
    const uses = new Map<string, number>();
    for (const project of bundle.projects) for (const { partner } of project.partnerships) uses.set(partner, (uses.get(partner) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeGreaterThan(1);
    expect([...uses.values()].filter((n) => n > 1).length).toBeGreaterThan(bundle.partners.length / 2);
  });

  it('has 6 funding lines and 10 themes whatever the scale', () => {
    expect(bundle.fundingLines).toHaveLength(6);
    expect(bundle.themes).toHaveLength(10);
  });

  it('writes every text in both locales, with Markdown descriptions of a few paragraphs', () => {
    for (const project of bundle.projects) {
      for (const text of [project.title, project.summary, project.description!]) {
        expect(text.it.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.en).not.toBe(text.it);
      }
      expect(project.description!.it.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(project.description!.it.length).toBeGreaterThan(1500);
      expect(project.summary.it.length).toBeLessThanOrEqual(320);
    }
  });

  it('gives the same bundle for the same seed and another one for another seed', () => {
    expect(generateBundle({ projects: 40, seed: 7 })).toEqual(bundle);
    expect(generateBundle({ projects: 40, seed: 8 })).not.toEqual(bundle);
  });

  it('keeps community members among the partners of their project', () => {
    for (const project of bundle.projects) {
      const partners = new Set(project.partnerships.map((p) => p.partner));
      for (const community of project.communities) for (const member of community.members) expect(partners.has(member)).toBe(true);
    }
  });
});

describe('createRandom', () => {
  it('yields floats in [0, 1) and repeats its sequence for a seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(values);
  });

  it('samples distinct items', () => {
    const random = createRandom(1);
    const sample = random.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8);
    expect(new Set(sample).size).toBe(8);
  });
});
