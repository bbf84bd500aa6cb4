import { existsSync } from 'node:fs';

/** Debian's Chromium: the browser the site's browser tests use. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScores {
  url: string;
  /** Category scores 0-100. */
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
}

export type LighthouseResult =
  | { measured: true; pages: Array<{ name: string } & LighthouseScores>; config: string }
  | { measured: false; reason: string };

/**
 * Lighthouse (default mobile config: simulated slow 4G and 4× CPU slowdown) on the given pages,
 * in headless Debian Chromium. Never throws: when it cannot run, says why.
 */
export async function runLighthouse(pages: Array<{ name: string; url: string }>): Promise<LighthouseResult> {
  if (!existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  let chrome: { port: number; kill(): void } | undefined;
  try {
    const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const results: Array<{ name: string } & LighthouseScores> = [];
    for (const page of pages) {
      const result = await lighthouse(page.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return typeof value === 'number' ? Math.round(value * 100) : null;
      };
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
      results.push({
        name: page.name,
        url: page.url,
        scores: {
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
          seo: score('seo'),
        },
        lcpMs: numeric('largest-contentful-paint'),
        cls: numeric('cumulative-layout-shift'),
        tbtMs: numeric('total-blocking-time'),
      });
    }
    return { measured: true, pages: results, config: 'Lighthouse default (mobile, simulated throttling), headless Debian Chromium' };
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  } finally {
    chrome?.kill();
  }
}
