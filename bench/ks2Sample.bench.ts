/**
 * Times `ks2Sample` on normal samples of 10^4, 10^5 and 10^6 values per side, next to SciPy's
 * `ks_2samp` on the same samples in the same run (bench/ks2Sample.py), and prints medians.
 *
 * Run: pnpm exec tsx bench/ks2Sample.bench.ts [--repetitions 7]
 * The SciPy side needs a Python 3 with SciPy: $FLEET_BENCH_PYTHON, else /usr/bin/python3, else
 * python3 on PATH. Without one the script says so and prints only the fleet figures.
 * method is `auto` on both sides, so 10^4 uses the exact p-value and larger sizes the asymptotic one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ks2Sample } from '../packages/stats/src/index.js';

interface PeerResult {
  n: number;
  timingsMs: number[];
  statistic: number;
  pValue: number;
}

const SIZES = [10_000, 100_000, 1_000_000];
const repetitionsFlag = process.argv.indexOf('--repetitions');
const REPETITIONS = repetitionsFlag > 0 ? Number(process.argv[repetitionsFlag + 1]) : 7;

/** Deterministic standard normal draws: 53-bit uniforms from two mulberry32 outputs, through Box-Muller. */
function normalSample(size: number, seed: number, shift: number): Float64Array {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const uniform = (): number => ((next32() >>> 5) * 2 ** 26 + (next32() >>> 6) + 0.5) / 2 ** 53;
  const values = new Float64Array(size);
  for (let index = 0; index < size; index += 2) {
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    values[index] = shift + radius * Math.cos(angle);
    if (index + 1 < size) values[index + 1] = shift + radius * Math.sin(angle);
  }
  return values;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function findPython(): string | undefined {
  const candidates = [process.env.FLEET_BENCH_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ['-c', 'import scipy.stats'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

const workDirectory = mkdtempSync(join(tmpdir(), 'fleet-ks-bench-'));
try {
  const samples = SIZES.map((size, index) => {
    const x = normalSample(size, 1000 + index, 0);
    const y = normalSample(size, 2000 + index, 0.01);
    const file = join(workDirectory, `ks-${size}.f64`);
    const both = new Float64Array(2 * size);
    both.set(x, 0);
    both.set(y, size);
    writeFileSync(file, Buffer.from(both.buffer));
    return { size, x, y, file };
  });

  const fleet = samples.map(({ size, x, y }) => {
    ks2Sample(x, y);
    const timings: number[] = [];
    let result = ks2Sample(x, y);
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      const start = performance.now();
      result = ks2Sample(x, y);
      timings.push(performance.now() - start);
    }
    return { size, medianMs: median(timings), result };
  });

  const python = findPython();
  let peer: { scipyVersion: string; numpyVersion: string; results: PeerResult[] } | undefined;
  if (python === undefined) {
    console.log(
      'python3-scipy not found (set FLEET_BENCH_PYTHON or apt-get install python3-scipy): fleet figures only.',
    );
  } else {
    const output = execFileSync(
      python,
      [join(__dirname, 'ks2Sample.py'), String(REPETITIONS), ...samples.map((sample) => sample.file)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    peer = JSON.parse(output);
  }

  console.log(
    `ks2Sample vs scipy.stats.ks_2samp, method auto, two-sided, normal samples (shift 0.01), median of ${REPETITIONS} runs`,
  );
  console.log(
    `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})` +
      (peer ? `, ${python}: SciPy ${peer.scipyVersion}, NumPy ${peer.numpyVersion}` : ''),
  );
  console.log(
    '| n per side | method | fleet median (ms) | SciPy median (ms) | fleet / SciPy | D | p-value (fleet / SciPy) |',
  );
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | --- |');
  for (const { size, medianMs, result } of fleet) {
    const scipyResult = peer?.results.find((entry) => entry.n === size);
    const scipyMedian = scipyResult ? median(scipyResult.timingsMs) : undefined;
    const ratio = scipyMedian === undefined ? 'n/a' : (medianMs / scipyMedian).toFixed(2);
    const pValues = `${result.pValue.toPrecision(6)} / ${scipyResult ? scipyResult.pValue.toPrecision(6) : 'n/a'}`;
    console.log(
      `| ${size.toLocaleString('en-US')} | ${result.method} | ${medianMs.toFixed(1)} | ${
        scipyMedian === undefined ? 'n/a' : scipyMedian.toFixed(1)
      } | ${ratio} | ${result.statistic.toPrecision(6)} | ${pValues} |`,
    );
    if (scipyResult && Math.abs(scipyResult.statistic - result.statistic) > 1e-12) {
      console.log(`  warning: statistics differ at n = ${size}: ${result.statistic} vs ${scipyResult.statistic}`);
    }
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}
