import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionProblems } from '../src/bootstrap/production-guard.ts';
import { cms } from './http.ts';

const strong = 'x'.repeat(32);
const ready = {
  APP_KEYS: `${strong},${strong}`,
  API_TOKEN_SALT: strong,
  ADMIN_JWT_SECRET: strong,
  TRANSFER_TOKEN_SALT: strong,
  JWT_SECRET: strong,
  ENCRYPTION_KEY: strong,
  SITE_BUILD_TOKEN: strong,
  PUBLISH_WEBHOOK_SECRET: strong,
  PREVIEW_SECRET: strong,
  ADMIN_PASSWORD: 'A-real-long-password-1',
  EDITOR_PASSWORD: 'Another-real-password-2',
  CORS_ORIGINS: 'https://cms.example.org',
};

describe('productionProblems', () => {
  it('accepts real secrets, a real password and restricted CORS', () => {
    expect(productionProblems(ready)).toEqual([]);
  });

  it('names placeholder and short secrets, the default password and open CORS', () => {
    const problems = productionProblems({
      ...ready,
      JWT_SECRET: 'change-me',
      APP_KEYS: `${strong},short`,
      ADMIN_PASSWORD: 'Portfolio-2026',
      EDITOR_PASSWORD: 'Redazione-1-change-me',
      CORS_ORIGINS: '*',
    });
    expect(problems).toEqual([
      'APP_KEYS is missing, a placeholder or shorter than 16 characters',
      'JWT_SECRET is missing, a placeholder or shorter than 16 characters',
      'ADMIN_PASSWORD is the default local password',
      'EDITOR_PASSWORD is the .env.example placeholder',
      'CORS_ORIGINS allows every origin ("*")',
    ]);
  });
});

describe('the CMS in production', () => {
  it('refuses to start with placeholder secrets', () => {
    const result = spawnSync(process.execPath, [path.join('node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, ...cms().env, NODE_ENV: 'production', JWT_SECRET: 'change-me', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('Refusing to start in production');
    expect(`${result.stdout}${result.stderr}`).toContain('JWT_SECRET is missing, a placeholder');
  });
});
