import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { europeMapPlugin } from './scripts/europe-map-plugin.ts';
import { siteConfig } from './src/lib/config.ts';

const { siteUrl, cmsUrl, cacheDir } = siteConfig();

export default defineConfig({
  site: siteUrl,
  output: 'static',
  // Separate output and cache folders let several builds run side by side (releases, tests).
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir,
  trailingSlash: 'always',
  // Four paths at a time: rendering is one thread, but each page's writes wait on the disk.
  // Measured at 1,000 projects in README (Publishing, "Incremental builds"); the oracle test
  // checks the output is the same.
  build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 4 },
  // The search index is a step after the build: site/scripts/search-index.ts.
  integrations: [react()],
  vite: { plugins: [europeMapPlugin()] },
  image: {
    // Media is fetched from the CMS at build time and served from the site itself.
    remotePatterns: [{ protocol: new URL(cmsUrl).protocol.replace(':', ''), hostname: new URL(cmsUrl).hostname }],
  },
  // Content-Security-Policy as a <meta> in every page: Astro hashes its own inline scripts and
  // styles, so no 'unsafe-inline' is needed. Hosts should also send it as a header (README).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  prefetch: false,
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/lib/page-inputs.ts) and code are unchanged since the last build in
  // the same cacheDir are copied from it instead of rendered again.
  experimental: { incrementalBuild: true },
});
