import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillSecrets, missingLines, parseEnv } from '../src/env-file.ts';

describe('fillSecrets', () => {
  it('gives every placeholder its own secret and leaves comments alone', () => {
    let n = 0;
    const filled = fillSecrets('# change-me stays\nAPP_KEYS=change-me,change-me\nJWT_SECRET=change-me', () => `s${++n}`);
    expect(filled).toBe('# change-me stays\nAPP_KEYS=s1,s2\nJWT_SECRET=s3');
  });

  it('produces long random secrets by default', () => {
    const { A, B } = parseEnv(fillSecrets('A=change-me\nB=change-me'));
    expect(A).toHaveLength(32);
    expect(A).not.toBe(B);
  });
});

describe('parseEnv', () => {
  it('reads KEY=value lines, unquotes values and skips comments', () => {
    expect(parseEnv('# x=1\nA=1\nB="two words"\n  C = 3 \nnot a line')).toEqual({ A: '1', B: 'two words', C: '3' });
  });
});

describe('missingLines', () => {
  it('adds only the keys the existing file lacks, with fresh secrets', () => {
    const lines = missingLines('A=kept\n', '# comment\nA=change-me\nB=change-me\nC=plain');
    expect(lines.map((line) => line.split('=')[0])).toEqual(['B', 'C']);
    expect(lines[0]).not.toContain('change-me');
    expect(lines[1]).toBe('C=plain');
  });
});

describe('cms/.env.example', () => {
  it("gives the officer's account a fresh password that Strapi's password rules accept", () => {
    const template = readFileSync(new URL('../../cms/.env.example', import.meta.url), 'utf8');
    const first = parseEnv(fillSecrets(template));
    const second = parseEnv(fillSecrets(template));
    expect(first.EDITOR_EMAIL).toBe('redazione@portfolio.local');
    expect(first.EDITOR_PASSWORD).not.toBe(second.EDITOR_PASSWORD);
    expect(first.EDITOR_PASSWORD).not.toContain('change-me');
    // Strapi: at least 8 characters, a lowercase and an uppercase letter and a digit, at most 72 bytes.
    expect(first.EDITOR_PASSWORD).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,72}$/);
  });
});
