import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndexer, linkSearchIndex, type SearchIndexer } from '../../scripts/search-index.ts';

const CLI = path.resolve(import.meta.dirname, '../../scripts/search-index.ts');

const page = (title: string, body: string) =>
  `<!doctype html><html lang="it"><head><title>${title}</title></head><body><header>Menu</header><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** Every file of a Pagefind index, by path, as bytes. */
function indexFiles(site: string): Map<string, Buffer> {
  const dir = path.join(site, 'pagefind');
  return new Map(
    (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => file.includes('.'))
      .sort()
      .map((file) => [file, readFileSync(path.join(dir, file))]),
  );
}

/** The indexed pages, from the fragments (gzipped JSON, after Pagefind's signature): URL → text. */
function indexedPages(site: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const [file, bytes] of indexFiles(site)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const fragment = JSON.parse(
      gunzipSync(bytes)
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as { url: string; content: string };
    pages.set(fragment.url, fragment.content);
  }
  return pages;
}

/** The same site indexed from scratch by the command-line step, to compare with. */
function indexFromScratch(site: string): Map<string, Buffer> {
  const copy = mkdtempSync(path.join(tmpdir(), 'search-index-full-'));
  cpSync(site, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
  execFileSync(process.execPath, [CLI, copy], { stdio: 'pipe' });
  const files = indexFiles(copy);
  rmSync(copy, { recursive: true, force: true });
  return files;
}

describe('the search index the publisher keeps between builds', () => {
  let site: string;
  let indexer: SearchIndexer;
  /** As the publisher does: every build writes a fresh folder, and the index is written into it. */
  const update = () => {
    rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
    return indexer.update(site);
  };
  const write = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), html);
  };

  beforeAll(() => {
    site = mkdtempSync(path.join(tmpdir(), 'search-index-'));
    write('index.html', page('Portafoglio', 'Progetti europei di integrazione'));
    write('progetti/pleiadi/index.html', page('PLEIADI', 'Reti territoriali per la salute dei migranti'));
    write('progetti/connection/index.html', page('CONNECTION', 'Città che imparano dalle città'));
    write('en/index.html', page('Portfolio', 'European integration projects'));
    indexer = createSearchIndexer();
  });
  afterAll(async () => {
    await indexer.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('indexes every page from scratch the first time', async () => {
    const result = await update();
    expect(result).toMatchObject({ mode: 'full', added: 4 });
    expect([...indexedPages(site).keys()].sort()).toEqual(['/', '/en/', '/progetti/connection/', '/progetti/pleiadi/']);
  });

  it('re-adds only a changed page, and writes the same index a build from scratch would', async () => {
    write('progetti/pleiadi/index.html', page('PLEIADI', 'Reti territoriali per la salute e il lavoro dei migranti'));
    const result = await update();
    expect(result).toMatchObject({ mode: 'incremental', added: 1 });
    expect(indexedPages(site).get('/progetti/pleiadi/')).toContain('lavoro');
    expect(indexFiles(site)).toEqual(indexFromScratch(site));
  });

  it('adds a new page without re-adding the others', async () => {
    write('progetti/epi/index.html', page('EPI', 'Empowerment e partecipazione'));
    const result = await update();
    expect(result).toMatchObject({ mode: 'incremental', added: 1 });
    const pages = indexedPages(site);
    expect(pages.size).toBe(5);
    expect(pages.get('/progetti/epi/')).toContain('Empowerment');
    expect(pages.get('/progetti/pleiadi/')).toContain('lavoro');
  });

  it('keeps a label apart from its value, and elements side by side apart, in the indexed text', async () => {
    write(
      'partner/comune/index.html',
      page(
        'Comune',
        'Ente locale</p><dl><div><dt>Città</dt><dd>non indicata</dd></div></dl><p><span>Stato</span><span>In corso</span></p><p>Linee<span class="detail">Tutte</span> e un<wbr>parola',
      ),
    );
    expect(await update()).toMatchObject({ mode: 'incremental', added: 1 });
    const text = indexedPages(site).get('/partner/comune/');
    expect(text).toContain('Città: non indicata');
    expect(text).toContain('Stato In corso');
    expect(text).toContain('Linee Tutte');
    expect(text).toContain('unparola');
  });

  it('rebuilds from scratch when a page is gone, so the index never finds it', async () => {
    rmSync(path.join(site, 'progetti/connection'), { recursive: true });
    const result = await update();
    expect(result).toMatchObject({ mode: 'full', added: 5 });
    expect(indexedPages(site).has('/progetti/connection/')).toBe(false);
    expect(indexFiles(site)).toEqual(indexFromScratch(site));
  });

  it('updates an index in place, as in a live release: the files of the new index, and no other', async () => {
    const before = indexFiles(site);
    write('progetti/epi/index.html', page('EPI', 'Empowerment, partecipazione e cittadinanza'));
    const result = await indexer.update(site);
    expect(result).toMatchObject({ mode: 'incremental', added: 1 });
    const now = indexFiles(site);
    const fromScratch = indexFromScratch(site);
    expect(now).toEqual(fromScratch);
    expect(now.get('pagefind-entry.json')).not.toEqual(before.get('pagefind-entry.json'));
    expect(indexedPages(site).get('/progetti/epi/')).toContain('cittadinanza');
    expect(readdirSync(site).filter((name) => name.startsWith('.pagefind-'))).toEqual([]);
  });

  it('writes nothing new to re-add when nothing changed', async () => {
    const result = await update();
    expect(result).toMatchObject({ mode: 'incremental', added: 0 });
    expect(indexFiles(site)).toEqual(indexFromScratch(site));
  });

  it('in a new release of hard links, re-adds the pages written again only if their text changed', async () => {
    // As the publisher's next release: every page a hard link to the last one's, but two written
    // anew, one with the same HTML and one changed.
    const release = mkdtempSync(path.join(tmpdir(), 'search-index-next-'));
    try {
      for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]) {
        if (!file.endsWith('.html')) continue;
        mkdirSync(path.dirname(path.join(release, file)), { recursive: true });
        linkSync(path.join(site, file), path.join(release, file));
      }
      const same = readFileSync(path.join(site, 'index.html'));
      rmSync(path.join(release, 'index.html'));
      writeFileSync(path.join(release, 'index.html'), same);
      rmSync(path.join(release, 'progetti/epi/index.html'));
      writeFileSync(path.join(release, 'progetti/epi/index.html'), page('EPI', 'Empowerment e cittadinanza attiva'));
      const result = await indexer.update(release);
      expect(result).toMatchObject({ mode: 'incremental', added: 1 });
      expect(indexedPages(release).get('/progetti/epi/')).toContain('attiva');
      expect(indexFiles(release)).toEqual(indexFromScratch(release));
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });

  it('gives a new release the index of the live one: the same files, shared, not copied', async () => {
    const release = mkdtempSync(path.join(tmpdir(), 'search-index-release-'));
    try {
      await linkSearchIndex(site, release);
      expect(indexFiles(release)).toEqual(indexFiles(site));
      const entry = path.join('pagefind', 'pagefind-entry.json');
      expect(statSync(path.join(release, entry)).ino).toBe(statSync(path.join(site, entry)).ino);
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });
});
