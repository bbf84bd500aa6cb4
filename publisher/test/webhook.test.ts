import { describe, expect, it } from 'vitest';
import { describeEvent, secretMatches } from '../src/webhook.ts';

describe('secretMatches', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true);
    expect(secretMatches('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(secretMatches('s3cret', 's3cret-value')).toBe(false);
    expect(secretMatches(undefined, 's3cret-value')).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });
});

describe('describeEvent', () => {
  it('summarises any payload shape without trusting it', () => {
    expect(describeEvent({ event: 'entry.publish', model: 'project', entry: {} })).toEqual({
      strapiEvent: 'entry.publish',
      model: 'project',
    });
    expect(describeEvent(null)).toEqual({ strapiEvent: 'unknown', model: 'unknown' });
    expect(describeEvent({ event: 42, uid: 'x'.repeat(500) }).model).toHaveLength(80);
  });
});
