import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRelease, createReleases } from '../src/releases.ts';

const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fakeBuild(dir: string, pages: string[]) {
  for (const page of ['', 'en/', ...pages]) {
    mkdirSync(path.join(dir, page), { recursive: true });
    writeFileSync(path.join(dir, page, 'index.html'), `<h1>${page}</h1>`);
  }
  writeFileSync(path.join(dir, '404.html'), 'nope');
  mkdirSync(path.join(dir, 'pagefind'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind', 'pagefind.js'), '');
  const urls = ['', 'en/', ...pages].map((p) => `<url><loc>http://localhost:4321/${p}</loc></url>`).join('');
  writeFileSync(path.join(dir, 'sitemap.xml'), `<urlset>${urls}</urlset>`);
}

describe('checkRelease', () => {
  it('accepts a build with every sitemap page present', () => {
    const dir = tempDir('release-');
    fakeBuild(dir, ['progetti/', 'progetti/pleiadi/']);
    expect(checkRelease(dir)).toEqual({ problems: [], pages: 4 });
  });

  it('names what is missing', () => {
    const dir = tempDir('release-');
    fakeBuild(dir, ['progetti/']);
    writeFileSync(path.join(dir, 'sitemap.xml'), '<urlset><url><loc>http://x/progetti/epi/</loc></url></urlset>');
    expect(checkRelease(dir).problems).toEqual(['sitemap lists /progetti/epi/ but the page is missing']);
  });
});

describe('createReleases', () => {
  it('switches the live release atomically and refuses incomplete ones', () => {
    const releases = createReleases(tempDir('releases-'), 2);
    const first = 'a-1';
    fakeBuild(releases.pathOf(first), []);
    expect(() => releases.switchTo(first)).toThrow(/not complete/);
    releases.seal({ id: first, builtAt: 'x', durationMs: 1, pages: 2 });
    releases.switchTo(first);
    expect(releases.liveId()).toBe(first);
    expect(readFileSync(path.join(releases.livePath()!, 'index.html'), 'utf8')).toBe('<h1></h1>');
  });

  it('prunes interrupted builds and old releases but never the live one', async () => {
    const releases = createReleases(tempDir('releases-'), 2);
    for (const id of ['r1', 'r2', 'r3', 'r4']) {
      fakeBuild(releases.pathOf(id), []);
      releases.seal({ id, builtAt: id, durationMs: 1, pages: 2 });
    }
    mkdirSync(releases.pathOf('r5-interrupted'));
    releases.switchTo('r1');
    expect((await releases.prune()).sort()).toEqual(['r2', 'r5-interrupted']);
    expect(releases.list().map((r) => r.id)).toEqual(['r4', 'r3', 'r1']);
  });
});
