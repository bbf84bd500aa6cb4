import { describe, expect, it } from 'vitest';
import {
  applyState,
  decodeExplorerData,
  partnerNames,
  searchFromState,
  stateFromSearch,
  type ExplorerData,
} from '../../src/islands/explorer-model.ts';

// A data file as lib/explorer-data.ts writes it: options once, projects by index.
const data: ExplorerData = {
  options: {
    status: [
      ['completed', 'Concluso'],
      ['ongoing', 'In corso'],
    ],
    funding: [['amif', 'FAMI – Commissione europea']],
    theme: [
      ['housing', 'Casa'],
      ['work', 'Lavoro'],
    ],
    country: [
      ['IT', 'Italia'],
      ['LV', 'Lettonia'],
    ],
    partner: [
      ['eurocities', 'Eurocities'],
      ['comune', 'Comune di Città'],
    ],
  },
  fundingShort: ['FAMI'],
  projects: [
    ['alfa', 'ALFA', 'Alfa title', 'Alloggi', 1, 0, [0], [0, 1], [0, 1], '2020–2023', '2020-01-01', 1000],
    ['beta', 'BETA', 'Beta title', 'Lavoro', 0, -1, [1], [0], [], '', '', -1],
  ],
};

describe('the explorer data file', () => {
  const { items, options } = decodeExplorerData(data, '/progetti/');

  it('decodes indexes into values and labels, and empty markers into null', () => {
    expect(items[0]).toMatchObject({
      href: '/progetti/alfa/',
      status: 'ongoing',
      statusLabel: 'In corso',
      fundingLine: 'amif',
      fundingLineLabel: 'FAMI',
      themes: ['housing'],
      countries: ['IT', 'LV'],
      partners: ['eurocities', 'comune'],
      partnerNames: ['Eurocities', 'Comune di Città'],
      budget: 1000,
    });
    expect(items[1]).toMatchObject({
      fundingLine: null,
      fundingLineLabel: null,
      period: null,
      startDate: null,
      budget: null,
      partners: [],
    });
    expect(options.theme).toEqual([
      { value: 'housing', label: 'Casa' },
      { value: 'work', label: 'Lavoro' },
    ]);
  });

  it('filters by the decoded values and searches partner names without accents', () => {
    expect(applyState(items, stateFromSearch('?country=LV'), 'it').map((i) => i.slug)).toEqual(['alfa']);
    expect(applyState(items, stateFromSearch('?q=citta'), 'it').map((i) => i.slug)).toEqual(['alfa']);
    expect(applyState(items, stateFromSearch('?sort=budget'), 'it').map((i) => i.slug)).toEqual(['alfa', 'beta']);
    expect(searchFromState(stateFromSearch('?theme=work&sort=start&q=%20x%20'))).toBe('?theme=work&q=x&sort=start');
  });
});

describe("the partner filter's names", () => {
  const { names, partnerNamed, nameOf } = partnerNames([
    { value: 'eurocities', label: 'Eurocities' },
    { value: 'comune-a', label: 'Comune di Città' },
    { value: 'comune-b', label: 'Comune di Citta' },
    { value: 'caritas', label: 'Caritas' },
  ]);

  it("gives each partner one name, and names shared up to case and accents the partner's identifier", () => {
    expect(names.map((entry) => entry.name)).toEqual(['Eurocities', 'Comune di Città (comune-a)', 'Comune di Citta (comune-b)', 'Caritas']);
  });

  it('finds the partner a typed text names, whatever its case, accents and surrounding spaces', () => {
    expect(partnerNamed('Eurocities')).toBe('eurocities');
    expect(partnerNamed('  eurocitiés ')).toBe('eurocities');
    expect(partnerNamed('comune di citta (comune-a)')).toBe('comune-a');
    expect(partnerNamed('Comune di Città (comune-b)')).toBe('comune-b');
  });

  it('finds no partner for part of a name, or a shared name without its identifier', () => {
    expect(partnerNamed('Euro')).toBeUndefined();
    expect(partnerNamed('Comune di Città')).toBeUndefined();
    expect(partnerNamed('')).toBeUndefined();
  });

  it('shows the name of the partner a filter holds, and nothing for none or an unknown one', () => {
    expect(nameOf('comune-b')).toBe('Comune di Citta (comune-b)');
    expect(nameOf('eurocities')).toBe('Eurocities');
    expect(nameOf(undefined)).toBe('');
    expect(nameOf('removed-partner')).toBe('');
  });
});
