import { publishScheduled } from '../src/scheduling/publish-scheduled';

/** Strapi's cron: scheduled publishing (Releases are not in the free edition). */
export default {
  publishScheduled: {
    task: publishScheduled,
    // Every minute by default; tests use a seconds-level rule (6 fields).
    options: { rule: process.env.PUBLISH_SCHEDULE_RULE ?? '0 * * * * *' },
  },
};
