import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  descendants,
  extractPageAssets,
  gzipSize,
  largestList,
  parsePpid,
  parseVmRssKb,
  percentile,
  staticImports,
  templateOf,
} from '../bench/measure.ts';

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
Tgid:\t4242
Pid:\t4242
PPid:\t4200
VmPeak:\t 1234567 kB
VmSize:\t 1200000 kB
VmHWM:\t  300000 kB
VmRSS:\t  251904 kB
RssAnon:\t  200000 kB
Threads:\t11
`;

describe('parseVmRssKb', () => {
  it('reads the VmRSS line of /proc/<pid>/status, not VmHWM or RssAnon', () => {
    expect(parseVmRssKb(STATUS)).toBe(251904);
  });

  it('gives null for a process without memory (zombie or kernel thread)', () => {
    expect(parseVmRssKb('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull();
    expect(parseVmRssKb('')).toBeNull();
  });
});

describe('parsePpid', () => {
  it('reads the parent pid even when the command name holds spaces and parentheses', () => {
    expect(parsePpid('4242 (node) S 4200 4242 4200 0 -1')).toBe(4200);
    expect(parsePpid('77 (my (odd) name) R 12 77 77 0 -1')).toBe(12);
  });
});

describe('descendants', () => {
  it('lists a process and its whole subtree, not its siblings', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95)).toBeCloseTo(95.5);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('gives the extremes at 0 and 100, the value itself for one sample and NaN for none', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1);
    expect(percentile([5, 1, 9], 100)).toBe(9);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('gzipSize', () => {
  it('is the length of the gzip stream, which decompresses back to the input', () => {
    const text = '<p>integrazione</p>'.repeat(200);
    expect(gzipSize(text)).toBe(gzipSync(text).length);
    expect(gzipSize(text)).toBeLessThan(Buffer.byteLength(text) / 10);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
  });
});

describe('extractPageAssets', () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/_astro/Base.Cy.css">
    <link rel=preload href="/fonts/x.woff2" as=font>
    <style>body{margin:0}</style>
    <script type="module" src="/_astro/page.Ab.js"></script>
    <script type="application/ld+json">{"@type":"Project"}</script>
    <script>(()=>{var a=1})()</script>
  </head><body>
    <astro-island uid="Z" component-url="/_astro/ProjectExplorer.CP.js" component-export="default" renderer-url="/_astro/client.Cd.js" props="{}"></astro-island>
    <astro-island uid="Y" component-url="/_astro/ProjectExplorer.CP.js" renderer-url="/_astro/client.Cd.js"></astro-island>
    <script src='/pagefind/pagefind-ui.js'></script>
  </body></html>`;
  const assets = extractPageAssets(html);

  it('finds external scripts, classic and module', () => {
    expect(assets.scriptSrcs).toEqual(['/_astro/page.Ab.js', '/pagefind/pagefind-ui.js']);
  });

  it('finds island component and renderer modules once each', () => {
    expect(assets.islandModules).toEqual(['/_astro/ProjectExplorer.CP.js', '/_astro/client.Cd.js']);
  });

  it('counts inline scripts but not JSON-LD data', () => {
    expect(assets.inlineScripts).toEqual(['(()=>{var a=1})()']);
  });

  it('finds stylesheets and inline styles, not preloads', () => {
    expect(assets.stylesheets).toEqual(['/_astro/Base.Cy.css']);
    expect(assets.inlineStyles).toEqual(['body{margin:0}']);
  });

  it('finds nothing in a page without scripts', () => {
    expect(extractPageAssets('<html><body><p>ciao</p></body></html>')).toEqual({
      scriptSrcs: [],
      islandModules: [],
      inlineScripts: [],
      stylesheets: [],
      inlineStyles: [],
    });
  });
});

describe('largestList', () => {
  const items = (n: number) => '<li>x</li>'.repeat(n);
  it('counts the items of the longest list in <main>, a nested list apart from its parent', () => {
    expect(largestList(`<main><ul>${items(2)}<li>y<ol>${items(3)}</ol></li></ul><ol>${items(1)}</ol></main>`)).toBe(3);
    expect(largestList(`<main><ul>${items(4)}<li>y<ol>${items(3)}</ol></li></ul></main>`)).toBe(5);
  });
  it('counts table rows and ignores lists outside <main> (menus, footer)', () => {
    expect(
      largestList(
        `<nav><ul>${items(9)}</ul></nav><main><table><tr><td>1</td></tr><tr><td>2</td></tr></table></main><footer><ul>${items(9)}</ul></footer>`,
      ),
    ).toBe(2);
  });
  it('gives 0 for a page without lists', () => {
    expect(largestList('<main><p>text</p></main>')).toBe(0);
  });
});

describe('staticImports', () => {
  it('follows minified static imports and re-exports, not dynamic imports or packages', () => {
    const js =
      'import{j as a}from"./jsx-runtime.D1.js";import"./side.B2.js";export*from"./re.C3.js";const l=()=>import("./lazy.E4.js");import x from "react";';
    expect(staticImports(js)).toEqual(['./jsx-runtime.D1.js', './side.B2.js', './re.C3.js']);
  });
});

describe('templateOf', () => {
  it('names the template of each page in both languages', () => {
    expect(templateOf('/')).toBe('home');
    expect(templateOf('/en/')).toBe('home');
    expect(templateOf('/progetti/')).toBe('projects');
    expect(templateOf('/en/projects/')).toBe('projects');
    expect(templateOf('/progetti/pleiadi/')).toBe('project');
    expect(templateOf('/en/projects/pleiadi/')).toBe('project');
    expect(templateOf('/partner/comune-di-bologna/')).toBe('partner');
    expect(templateOf('/en/funding/amif/')).toBe('fundingLine');
    expect(templateOf('/temi/housing/')).toBe('theme');
    expect(templateOf('/comunita-di-pratica/cop1/')).toBe('community');
    expect(templateOf('/en/countries/it/')).toBe('country');
    expect(templateOf('/statistiche/')).toBe('statistics');
    expect(templateOf('/en/statistics/')).toBe('statistics');
    expect(templateOf('/dati/')).toBe('data');
  });

  it('leaves out pages it does not weigh: status lists, indexes of other types, info pages', () => {
    expect(templateOf('/progetti/stato/in-corso/')).toBeNull();
    expect(templateOf('/partner/')).toBeNull();
    expect(templateOf('/privacy/')).toBeNull();
  });
});
