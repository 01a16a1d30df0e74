import { cronMinimumIntervalMinutes } from '../../../src/domain/cronMinimumInterval.js';
import { fitBaseline } from '../../../src/domain/fitBaseline.js';
import { judgeWindow } from '../../../src/domain/judgeWindow.js';
import { ksDistance } from '../../../src/domain/ksDistance.js';
import { Reservoir } from '../../../src/domain/Reservoir.js';
import { seededRandom } from '../../../src/domain/seededRandom.js';

describe('judgeWindow', () => {
  it('makes the first drifted window a warning and the persistence-th in a row critical', () => {
    // Act
    const first = judgeWindow({ status: 'drift', severity: 'warning' }, undefined, 2);
    const second = judgeWindow(
      { status: 'drift', severity: 'warning' },
      { status: 'drift', severity: 'warning', streak: 1 },
      2,
    );

    // Assess
    expect(first).toMatchObject({ severity: 'warning', streak: 1, announce: 'detected' });
    expect(second).toMatchObject({ severity: 'critical', streak: 2, announce: 'detected' });
  });

  it('makes a drift critical at once when a critical feature drifted or quality fell', () => {
    // Act / Assess
    expect(judgeWindow({ status: 'drift', severity: 'critical' }, undefined, 3)).toMatchObject({
      severity: 'critical',
      streak: 1,
    });
  });

  it('clears after drift once, with the previous severity, and stays silent on a repeated clear', () => {
    // Act
    const cleared = judgeWindow({ status: 'no_drift' }, { status: 'drift', severity: 'critical', streak: 2 }, 2);
    const quiet = judgeWindow({ status: 'no_drift' }, { status: 'no_drift', streak: 0 }, 2);

    // Assess
    expect(cleared).toMatchObject({ announce: 'cleared', previousSeverity: 'critical', streak: 0 });
    expect(quiet).toMatchObject({ announce: 'none', streak: 0 });
  });

  it('keeps the streak through insufficient data and announces nothing', () => {
    // Act / Assess
    expect(
      judgeWindow({ status: 'insufficient_data' }, { status: 'drift', severity: 'warning', streak: 1 }, 2),
    ).toMatchObject({
      announce: 'none',
      streak: 1,
    });
  });
});

describe('Reservoir', () => {
  it('keeps capacity items and draws the same sample from the same seed', () => {
    // Prepare
    const draw = () => {
      const r = new Reservoir<number>(10, seededRandom('churn|window'));
      for (let i = 0; i < 1000; i++) r.offer(i);
      return r;
    };

    // Act
    const [a, b] = [draw(), draw()];

    // Assess
    expect(a.items).toHaveLength(10);
    expect(a.seen).toBe(1000);
    expect(a.items).toEqual(b.items);
    expect(a.items.some((i) => i >= 10)).toBe(true);
  });

  it('draws with claim and place exactly the sample offer draws (algorithm R), building only the kept items', () => {
    // Prepare: algorithm R written out, as offer drew before claim existed.
    const random = seededRandom('churn|2026-03-01');
    const reference: number[] = [];
    for (let seen = 1; seen <= 5000; seen++) {
      if (reference.length < 50) reference.push(seen - 1);
      else {
        const slot = Math.floor(random() * seen);
        if (slot < 50) reference[slot] = seen - 1;
      }
    }
    const offered = new Reservoir<number>(50, seededRandom('churn|2026-03-01'));
    const claimed = new Reservoir<{ value: number }>(50, seededRandom('churn|2026-03-01'));
    let built = 0;

    // Act
    for (let i = 0; i < 5000; i++) {
      offered.offer(i);
      const slot = claimed.claim();
      if (slot < 0) continue;
      built++;
      claimed.place(slot, { value: i });
    }

    // Assess
    expect(offered.items).toEqual(reference);
    expect(claimed.items.map((item) => item.value)).toEqual(reference);
    expect(claimed.seen).toBe(5000);
    expect(built).toBeLessThan(1000);
    expect(() => claimed.place(50, { value: -1 })).toThrow(RangeError);
  });
});

describe('ksDistance', () => {
  it('matches SciPy ks_2samp statistics', () => {
    // SciPy 1.10.1: ks_2samp([1, 2, 3], [2, 3, 4]).statistic 0.3333333333333333,
    // ks_2samp([1, 2, 2, 3], [2, 2, 5]).statistic 0.3333333333333333 (ties),
    // ks_2samp([0.1, 0.5, 0.7, 0.9, 1.3], [0.2, 0.25, 0.6]).statistic 0.6
    expect(ksDistance([1, 2, 3], [2, 3, 4])).toBeCloseTo(1 / 3, 12);
    expect(ksDistance([1, 2, 2, 3], [2, 2, 5])).toBeCloseTo(1 / 3, 12);
    expect(ksDistance([0.1, 0.5, 0.7, 0.9, 1.3], [0.2, 0.25, 0.6])).toBeCloseTo(0.6, 12);
    expect(ksDistance([], [1])).toBeNaN();
  });
});

describe('cronMinimumIntervalMinutes', () => {
  it('reads daily, hourly-list and stepped expressions', () => {
    expect(cronMinimumIntervalMinutes('cron(10 0 * * ? *)')).toBe(1440);
    expect(cronMinimumIntervalMinutes('cron(0 0,6,12,18 * * ? *)')).toBe(360);
    expect(cronMinimumIntervalMinutes('cron(0/15 * * * ? *)')).toBe(15);
    expect(cronMinimumIntervalMinutes('cron(nonsense)')).toBeUndefined();
  });
});

describe('fitBaseline', () => {
  const baseline = {
    source: 's3://b/train.csv',
    header: ['x'],
    rows: Array.from({ length: 5000 }, (_, i) => [String(i)]),
  };

  it('cuts a large baseline to a seeded sample of smallSampleRows for a small window, the same on a re-run', () => {
    // Act
    const a = fitBaseline(baseline, 300, 1000, 'churn|w1');
    const b = fitBaseline(baseline, 300, 1000, 'churn|w1');

    // Assess
    expect(a.table.rows).toHaveLength(1000);
    expect(a.table.rows).toEqual(b.table.rows);
    expect(a.note).toMatch(/seeded sample of 1000 of the baseline's 5000 rows/);
  });

  it('keeps the whole baseline for a window larger than smallSampleRows', () => {
    // Act
    const fitted = fitBaseline(baseline, 20_000, 1000, 'churn|w1');

    // Assess
    expect(fitted.table).toBe(baseline);
    expect(fitted.note).toBeUndefined();
  });
});
