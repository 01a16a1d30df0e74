import { categoricalPsi, countCategories } from '../src/index.js';

describe('countCategories', () => {
  it('returns counts over the union of categories, in code-unit order', () => {
    // Act
    const counts = countCategories(['b', 'a', 'b'], ['c', 'b']);

    // Assess
    expect(counts).toEqual({ categories: ['a', 'b', 'c'], baseline: [1, 2, 0], current: [0, 1, 1] });
  });
});

describe('categoricalPsi', () => {
  it('returns the PSI of the category shares with shares floored at 1e-4', () => {
    // Prepare: NumPy 1.26 reference, p=max(b/sum(b),1e-4), q=max(c/sum(c),1e-4), sum((q-p)*log(q/p))
    const baseline = [50, 30, 20, 0];
    const current = [40, 30, 25, 5];

    // Act
    const psi = categoricalPsi(baseline, current);

    // Assess
    expect(psi).toBeCloseTo(0.34358047680839876, 12);
  });

  it('returns 0 for identical shares', () => {
    // Act
    const psi = categoricalPsi([10, 20], [30, 60]);

    // Assess
    expect(psi).toBe(0);
  });
});
