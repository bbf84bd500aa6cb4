import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_GZIP_BUDGET, weighPage, weighSite } from '../bench/weight.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A tiny built site: a project index with an island whose module imports a shared chunk, and a project page without JS. */
function fakeSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-weight-'));
  made.push(dir);
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  write('_astro/Base.css', 'body{margin:0}');
  write('_astro/Explorer.js', 'import{a}from"./chunk.js";export default a;');
  write('_astro/client.js', 'import{a}from"./chunk.js";import("./lazy.js");');
  write('_astro/chunk.js', 'export const a=1;');
  write('_astro/lazy.js', 'export const never=0;'.repeat(100));
  const head = '<link rel="stylesheet" href="/_astro/Base.css">';
  write(
    'progetti/index.html',
    `<html><head>${head}</head><body><astro-island component-url="/_astro/Explorer.js" renderer-url="/_astro/client.js"></astro-island><script>1</script></body></html>`,
  );
  write('progetti/a/index.html', `<html><head>${head}</head><body><p>A</p></body></html>`);
  write(
    'progetti/b/index.html',
    `<html><head>${head}</head><body><main><p>B, longer</p><ul><li>1</li><li>2<ol><li>2a</li></ol></li></ul></main></body></html>`,
  );
  // A list page of no weighed template, over the HTML budget even after gzip (random bytes do not compress).
  write('partner/index.html', `<html><body><main>${randomBytes(HTML_GZIP_BUDGET).toString('base64')}</main></body></html>`);
  return dir;
}

describe('weighPage', () => {
  it('counts island modules and their static imports once, not lazy imports', () => {
    const { js, css } = weighPage(fakeSite(), '/progetti/');
    const expected = [
      'import{a}from"./chunk.js";export default a;',
      'import{a}from"./chunk.js";import("./lazy.js");',
      'export const a=1;',
      '1',
    ];
    expect(js.files).toBe(4);
    expect(js.bytes).toBe(expected.reduce((n, s) => n + s.length, 0));
    expect(css.bytes).toBe('body{margin:0}'.length);
  });

  it('gives no JS for a page without scripts', () => {
    expect(weighPage(fakeSite(), '/progetti/a/').js).toEqual({ bytes: 0, gzip: 0, files: 0 });
  });
});

describe('weighSite', () => {
  it('groups pages by template and reports the median page', () => {
    const { templates } = weighSite(fakeSite());
    expect(templates.map((w) => [w.template, w.pages])).toEqual([
      ['projects', 1],
      ['project', 2],
    ]);
  });

  it('names the heaviest page of each template, with its longest list', () => {
    const project = weighSite(fakeSite()).templates.find((w) => w.template === 'project')!;
    expect(project.heaviest.path).toBe('/progetti/b/');
    expect(project.heaviest.largestList).toBe(2);
    expect(project.heaviest.html.gzip).toBeGreaterThan(weighPage(fakeSite(), '/progetti/a/').html.gzip);
  });

  it('flags every page over the HTML budget, weighed template or not', () => {
    const { overBudget } = weighSite(fakeSite());
    expect(overBudget.pages).toBe(1);
    expect(overBudget.heaviest.map((page) => page.path)).toEqual(['/partner/']);
    expect(overBudget.heaviest[0]!.html.gzip).toBeGreaterThan(HTML_GZIP_BUDGET);
  });
});
