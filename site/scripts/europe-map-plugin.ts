import type { ViteUserConfig } from 'astro';
import { buildEuropeBase } from '../src/lib/geo-base.ts';

const ID = 'virtual:europe-map-base';
type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/**
 * `virtual:europe-map-base`: the partner-country map's geometry (src/lib/geo-base.ts), made when
 * the code is bundled rather than in every build that renders a map. Used by the site's Vite
 * config (astro.config.ts) and its unit tests' (vitest.unit.config.ts).
 */
export function europeMapPlugin(): Plugin {
  return {
    name: 'portfolio:europe-map-base',
    resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
    load: (id: string) => (id === `\0${ID}` ? `export default ${JSON.stringify(buildEuropeBase())};` : undefined),
  };
}
