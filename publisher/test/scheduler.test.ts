import { describe, expect, it } from 'vitest';
import { createScheduler } from '../src/scheduler.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(buildMs: number) {
  const builds: Array<{ events: number; startedAt: number }> = [];
  let running = 0;
  let overlap = false;
  const t0 = Date.now();
  const run = async (events: number) => {
    running++;
    if (running > 1) overlap = true;
    builds.push({ events, startedAt: Date.now() - t0 });
    await sleep(buildMs);
    running--;
  };
  return { builds, run, overlapped: () => overlap };
}

describe('createScheduler', () => {
  it('coalesces a burst into one build after the quiet window', async () => {
    const r = recorder(20);
    const scheduler = createScheduler({ quietMs: 60, maxWaitMs: 1000, run: r.run });
    for (let i = 0; i < 10; i++) {
      scheduler.notify();
      await sleep(5);
    }
    await sleep(30);
    expect(r.builds).toHaveLength(0);
    await scheduler.settled();
    expect(r.builds).toEqual([{ events: 10, startedAt: expect.any(Number) }]);
  });

  it('does not wait longer than maxWait under a steady stream of events', async () => {
    const r = recorder(10);
    const scheduler = createScheduler({ quietMs: 50, maxWaitMs: 120, run: r.run });
    const until = Date.now() + 200;
    while (Date.now() < until) {
      scheduler.notify();
      await sleep(20);
    }
    expect(r.builds.length).toBeGreaterThanOrEqual(1);
    expect(r.builds[0]!.startedAt).toBeLessThan(180);
    scheduler.stop();
    await scheduler.settled();
  });

  it('never runs two builds at once and runs exactly one more for events during a build', async () => {
    const r = recorder(150);
    const scheduler = createScheduler({ quietMs: 10, maxWaitMs: 50, run: r.run });
    scheduler.notify();
    await sleep(40);
    expect(scheduler.state().building).toBe(true);
    for (let i = 0; i < 25; i++) scheduler.notify();
    expect(scheduler.state().pendingEvents).toBe(25);
    await scheduler.settled();
    expect(r.overlapped()).toBe(false);
    expect(r.builds.map((b) => b.events)).toEqual([1, 25]);
  });

  it('keeps going after a failed build', async () => {
    let calls = 0;
    const scheduler = createScheduler({
      quietMs: 5,
      maxWaitMs: 20,
      run: async () => {
        calls++;
        throw new Error('boom');
      },
    });
    scheduler.notify();
    await scheduler.settled();
    scheduler.notify();
    await scheduler.settled();
    expect(calls).toBe(2);
  });
});
