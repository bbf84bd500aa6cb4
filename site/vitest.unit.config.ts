import { defineConfig } from 'vitest/config';
import { europeMapPlugin } from './scripts/europe-map-plugin.ts';

export default defineConfig({ plugins: [europeMapPlugin()], test: { include: ['test/unit/**/*.test.ts'] } });
