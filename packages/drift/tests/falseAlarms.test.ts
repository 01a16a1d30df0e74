import { type DataTable, detectDrift } from '../src/index.js';
import { seededRandom, shuffled } from './support/random.js';
import { exampleTable } from './support/tables.js';

/**
 * Splits breast_cancer.csv (569 rows, 32 columns) into random halves many times: nothing
 * changed, so every alarm is false. With one test per column at alpha 0.05 and no correction,
 * most windows alarm; Benjamini-Hochberg keeps the share near alpha.
 */
const alarmRate = (correction: 'benjamini-hochberg' | 'none', splits: number): number => {
  const table = exampleTable('breast_cancer.csv');
  const random = seededRandom(1234);
  let alarms = 0;
  for (let s = 0; s < splits; s++) {
    const rows = shuffled(table.rows, random);
    const half = (part: string[][], source: string): DataTable => ({ source, header: table.header, rows: part });
    const result = detectDrift({
      baseline: half(rows.slice(0, 284), 'a'),
      current: half(rows.slice(284), 'b'),
      config: { correction },
    });
    if (result.drifted) alarms++;
  }
  return alarms / splits;
};

describe('false alarms on unchanged data', () => {
  it('returns drift on about alpha of random splits with the correction, and far more without', () => {
    // Act
    const corrected = alarmRate('benjamini-hochberg', 40);
    const uncorrected = alarmRate('none', 40);

    // Assess
    expect(corrected).toBeLessThanOrEqual(0.1);
    expect(uncorrected).toBeGreaterThan(0.3);
  });
});
