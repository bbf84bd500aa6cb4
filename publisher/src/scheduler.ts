/**
 * Turns a stream of content events into as few builds as possible, never two at once.
 *
 * - An event starts a quiet window; each further event restarts it, but no build waits longer
 *   than `maxWaitMs` after the first event of a burst.
 * - Events arriving while a build runs cause exactly one more build after it.
 */
export interface SchedulerOptions {
  quietMs: number;
  maxWaitMs: number;
  /** Runs one build; the scheduler never calls it again before the promise settles. */
  run: (events: number) => Promise<void>;
  now?: () => number;
}

export interface SchedulerState {
  building: boolean;
  /** Events received and not yet covered by a finished or running build. */
  pendingEvents: number;
  firstPendingAt: number | null;
}

export function createScheduler({ quietMs, maxWaitMs, run, now = Date.now }: SchedulerOptions) {
  let building = false;
  let pendingEvents = 0;
  let firstPendingAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: Promise<void> = Promise.resolve();

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (building || pendingEvents === 0 || firstPendingAt === null) return;
    const delay = Math.max(0, Math.min(quietMs, firstPendingAt + maxWaitMs - now()));
    timer = setTimeout(start, delay);
  };

  const start = () => {
    timer = null;
    if (building || pendingEvents === 0) return;
    const events = pendingEvents;
    pendingEvents = 0;
    firstPendingAt = null;
    building = true;
    idle = run(events)
      .catch(() => {
        // The runner reports its own failures; the scheduler only has to carry on.
      })
      .finally(() => {
        building = false;
        // Events that came in during the build: one more build, after the usual quiet window.
        arm();
      });
  };

  return {
    /** Records one content event (any payload: what changed is read from the CMS, not the event). */
    notify(): void {
      pendingEvents++;
      firstPendingAt ??= now();
      arm();
    },
    /** Starts a build now, skipping the quiet window (startup, manual rebuild). */
    runNow(): void {
      pendingEvents++;
      firstPendingAt ??= now();
      if (timer) clearTimeout(timer);
      start();
    },
    state(): SchedulerState {
      return { building, pendingEvents, firstPendingAt };
    },
    /** Resolves when no build is running and none is due (for tests and shutdown). */
    async settled(): Promise<void> {
      while (building || timer) {
        await idle;
        if (timer) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pendingEvents = 0;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
