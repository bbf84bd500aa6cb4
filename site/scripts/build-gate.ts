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
 *
 * Around the gate, the site's own tasks (src/lib/build-phases.ts): those registered to run while
 * the build waits run just before it stands at the gate; those registered for after the pages run
 * once the builder has been told of success, before Astro writes its store.
 */
import type { BuildMessage } from 'harness/site';
import { BUILD_PHASES, type BuildPhases } from '../src/lib/build-phases.ts';

const opened = new Promise<Record<string, string>>((resolve) => {
  process.once('message', (message: { env?: Record<string, string> }) => resolve(message.env ?? {}));
});
// A builder that goes away leaves no build waiting for ever.
const leave = () => process.exit(1);
process.once('disconnect', leave);

const send = (message: BuildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

// The site's own work around the gate (src/lib/build-phases.ts). A task that fails leaves its work
// to be done when needed: the build goes on.
const phases: BuildPhases = { whileAtGate: [], afterPages: [] };
const run = async (tasks: Array<() => unknown>) => {
  for (const result of await Promise.allSettled(tasks.map(async (task) => task()))) {
    if (result.status === 'rejected') console.error('[build-gate] a task around the gate failed:', result.reason);
  }
};

Object.assign(globalThis, {
  [BUILD_PHASES]: phases,
  [Symbol.for('astro.portfolio.buildGate')]: async () => {
    await run(phases.whileAtGate);
    await send({ atGate: true });
    Object.assign(process.env, await opened);
    process.off('disconnect', leave);
    // The IPC channel must not keep the process alive once Astro is done.
    process.channel?.unref();
  },
  // The builder publishes the pages while this build does what only the next one reads.
  [Symbol.for('astro.portfolio.buildSucceeded')]: async () => {
    await send({ succeeded: true });
    await run(phases.afterPages);
  },
});
