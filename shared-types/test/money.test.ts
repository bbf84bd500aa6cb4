import { describe, expect, it } from 'vitest';
import { formatEuro, formatEuroCompact, sumKnown } from '../src/money.ts';

describe('formatEuro', () => {
  it('writes PLEIADI’s budget in Italian and British English', () => {
    expect(formatEuro(5611995.92, 'it')).toBe('5.611.995,92\u00a0€');
    expect(formatEuro(5611995.92, 'en')).toBe('€5,611,995.92');
  });

  it('drops the cents of whole amounts', () => {
    expect(formatEuro(250000, 'it')).toBe('250.000\u00a0€');
    expect(formatEuro(30000, 'en')).toBe('€30,000');
  });
});

describe('formatEuroCompact', () => {
  it('shortens millions', () => {
    expect(formatEuroCompact(5611995.92, 'en')).toBe('€5.6m');
  });
});

describe('sumKnown', () => {
  it('adds known amounts to the cent and ignores unknown ones', () => {
    expect(sumKnown([0.1, 0.2, null, undefined])).toBe(0.3);
    expect(sumKnown([null])).toBeNull();
  });
});
