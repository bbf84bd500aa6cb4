/**
 * Preloaded into `astro build` (`node --import ./scripts/build-gate.ts astro.mjs build`) by a
 * builder that starts each build before it is needed (harness/src/site.ts, createSiteBuilder).
 * Two hooks of patches/astro@7.3.5.patch, each a message to the builder:
 *
 * - The gate (core/sync/index.js, core/build/static-build.js). Astro stops there once it has
 *   loaded Node, itself, the config, the content config and the store the last build left,
 *   bundled the site's code and linked the last build's pages into the output folder: about 9 s
 *   at a thousand projects that no longer stand between an edit and the live site. Everything
 *   after it, from the loaders on, depends on the content. The builder opens it with this build's
 *   own environment (a full read, the build date), read after the gate by the loaders and the
 *   pages.
 * - Success (core/build/index.js): the pages are written. Astro then writes the content store,
 *   which only the next build reads, while the builder publishes the pages.
 */
import type { BuildMessage } from 'harness/site';

const opened = new Promise<Record<string, string>>((resolve) => {
  process.once('message', (message: { env?: Record<string, string> }) => resolve(message.env ?? {}));
});
// A builder that goes away leaves no build waiting for ever.
const leave = () => process.exit(1);
process.once('disconnect', leave);

const send = (message: BuildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

Object.assign(globalThis, {
  [Symbol.for('astro.portfolio.buildGate')]: async () => {
    await send({ atGate: true });
    Object.assign(process.env, await opened);
    process.off('disconnect', leave);
    // The IPC channel must not keep the process alive once Astro is done.
    process.channel?.unref();
  },
  [Symbol.for('astro.portfolio.buildSucceeded')]: () => send({ succeeded: true }),
});
