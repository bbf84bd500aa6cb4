/**
 * Work placed around a build's gate (site/scripts/build-gate.ts). A build started ahead of time
 * waits at its gate for the next edit: what does not depend on that edit is done while it waits,
 * and what only the next build reads is done once this build's pages are written.
 */
export interface BuildPhases {
  whileAtGate: Array<() => unknown>;
  afterPages: Array<() => unknown>;
}

/** Set by build-gate.ts in a build started ahead of time; absent in any other build. */
export const BUILD_PHASES = Symbol.for('astro.portfolio.buildPhases');
const phases = () => (globalThis as { [BUILD_PHASES]?: BuildPhases })[BUILD_PHASES];

/** Runs `task` while the build waits at its gate. A build without a gate skips it: the work is done when needed. */
export function whileAtGate(task: () => unknown): void {
  phases()?.whileAtGate.push(task);
}

/** Runs `task` once the build's pages are written, before Astro writes its content store; at once in a build without a gate. */
export function afterPages(task: () => unknown): void {
  const registered = phases();
  if (registered) registered.afterPages.push(task);
  else task();
}
