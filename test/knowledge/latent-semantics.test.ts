import { LatentSemantics } from '../../src/knowledge/latent-semantics';

/** Two subjects, billing and routing, each in sections that share some of their words. */
const SECTIONS = [
  ['invoic', 'bill', 'payment'],
  ['invoic', 'bill', 'pdf'],
  ['bill', 'pdf', 'layout', 'invoic'],
  ['payment', 'invoic', 'balanc'],
  ['rout', 'carrier', 'prefix'],
  ['rout', 'carrier', 'dial'],
  ['carrier', 'prefix', 'dial', 'rout'],
  ['dial', 'rout', 'failov'],
];

describe('latent semantics of the docs', () => {
  it('brings a section near a query word it does not contain but its subject uses', () => {
    const latent = LatentSemantics.build(SECTIONS, 2);
    const similarity = new Float64Array(SECTIONS.length);
    expect(latent.similarities(new Map([['payment', 1]]), similarity)).toBe(true);
    // Section 1 has no "payment", but shares "invoice" and "bill" with the sections that do.
    expect(similarity[1]).toBeGreaterThan(0.5);
    expect(similarity[1]).toBeGreaterThan((similarity[5] as number) + 0.5);
  });

  it('has nothing to say about words the docs do not have', () => {
    const latent = LatentSemantics.build(SECTIONS, 2);
    expect(latent.similarities(new Map([['banana', 1]]), new Float64Array(SECTIONS.length))).toBe(false);
  });

  it('gives the same space for the same docs', () => {
    const a = new Float64Array(SECTIONS.length);
    const b = new Float64Array(SECTIONS.length);
    LatentSemantics.build(SECTIONS, 2).similarities(new Map([['dial', 1]]), a);
    LatentSemantics.build(SECTIONS, 2).similarities(new Map([['dial', 1]]), b);
    expect([...a]).toEqual([...b]);
  });
});

describe('latent semantics queried again and again', () => {
  // Eleven sections: the scoring loop takes sections eight at a time, and three are left over.
  const ELEVEN = [...SECTIONS, ['invoic', 'dial', 'pdf'], ['rout', 'balanc'], ['carrier', 'payment', 'bill']];

  it('gives every section a similarity, the ones left over too', () => {
    const latent = LatentSemantics.build(ELEVEN, 3);
    const similarity = new Float64Array(ELEVEN.length).fill(Number.NaN);
    expect(latent.similarities(new Map([['carrier', 1]]), similarity)).toBe(true);
    for (const value of similarity) {
      expect(Number.isFinite(value)).toBe(true);
      expect(Math.abs(value)).toBeLessThanOrEqual(1 + 1e-9);
    }
    // The last section holds "carrier": it is nearer the query than the billing sections.
    expect(similarity[10]).toBeGreaterThan(similarity[0] as number);
  });

  it('gives a query the same similarities whatever was asked before it', () => {
    const latent = LatentSemantics.build(ELEVEN, 3);
    const first = new Float64Array(ELEVEN.length);
    const again = new Float64Array(ELEVEN.length);
    latent.similarities(new Map([['pdf', 1]]), first);
    latent.similarities(
      new Map([
        ['rout', 1],
        ['balanc', 0.6],
      ]),
      again,
    );
    latent.similarities(new Map([['pdf', 1]]), again);
    expect([...again]).toEqual([...first]);
  });
});
