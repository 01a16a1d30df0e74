/**
 * Benchmark: `fleet validate` against pandas (read_csv plus the same checks) on churn-like CSVs.
 *
 * Run from the repository root: `pnpm exec tsx bench/validate.bench.ts [--sizes 100,1000] [--runs 3]`.
 * Generates bench/data/churn-<size>mb.csv once (deterministic), times each tool in a child
 * process under /usr/bin/time -v (wall time and peak RSS), with and without the `unique`
 * check, and rewrites the "## fleet validate vs pandas" section of bench/RESULTS.md.
 * Needs Debian's python3-pandas (`apt-get install -y python3-pandas`) at /usr/bin/python3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeChurnFile } from './writeChurnFile.js';
import { writeResultsSection } from './writeResultsSection.js';

const root = resolve(__dirname, '..');
const dataDir = resolve(root, 'bench/data');
const resultsFile = resolve(root, 'bench/RESULTS.md');
const SECTION = '## fleet validate vs pandas';
const PYTHON = '/usr/bin/python3';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '3' },
    'runs-large': { type: 'string', default: '2' },
    'no-write': { type: 'boolean', default: false },
  },
});

const generate = (file: string, megabytes: number): void => {
  if (existsSync(file) && statSync(file).size >= megabytes * 1e6) return;
  writeChurnFile(root, file, { bytes: megabytes * 1e6 }, megabytes);
};

type Run = { seconds: number; coreSeconds: number; peakMb: number; passed: boolean; rows: number };

/** Reads the verdict of `fleet validate` (human output: its summary line and exit code). */
const fleetVerdict = (stdout: string, status: number | null) => {
  const summary = /^(\d+) data rows, \d+ bytes, \d+ issues?, ([\d.]+) s$/m.exec(stdout);
  if (summary === null) throw new Error(`unexpected fleet validate output:\n${stdout}`);
  return { passed: status === 0, rows: Number(summary[1]), seconds: Number(summary[2]) };
};

/** Runs a command under /usr/bin/time -v and reads its wall time, peak RSS and verdict. */
const timed = (
  command: string,
  args: string[],
  verdictOf: (stdout: string, status: number | null) => { passed: boolean; rows: number; seconds: number },
): Run => {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  if (rss === null) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  const verdict = verdictOf(child.stdout, child.status);
  return {
    seconds,
    coreSeconds: verdict.seconds,
    peakMb: Number(rss[1]) / 1024,
    passed: verdict.passed,
    rows: verdict.rows,
  };
};

/** Slots of the `unique` table for `distinct` values, as `UniqueValueSet.reserve` sizes it (80 % full at most). */
const slotsFor = (distinct: number) => {
  let slots = 1024;
  while (slots * 0.8 < distinct * 1.02) slots *= 2;
  return slots;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

type Row = { file: string; mb: number; tool: string; unique: boolean; runs: Run[] };

const main = (): void => {
  mkdirSync(dataDir, { recursive: true });
  const churnContract = resolve(root, 'contracts/churn.yaml');
  const noUniqueContract = resolve(dataDir, 'churn-no-unique.yaml');
  writeFileSync(
    noUniqueContract,
    readFileSync(churnContract, 'utf8').replace('{ type: string, unique: true }', '{ type: string }'),
  );
  const pandasVersion = spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (pandasVersion.status !== 0) throw new Error('pandas is missing: apt-get install -y python3-pandas');
  // Builds the cached bundle of `fleet` (if a source changed) outside the timed runs.
  spawnSync(process.execPath, ['packages/cli/bin/fleet.cjs', 'validate', '--help'], { cwd: root });
  const loadBefore = loadavg();
  const rows: Row[] = [];
  for (const size of options.sizes.split(',').map(Number)) {
    const file = resolve(dataDir, `churn-${size}mb.csv`);
    generate(file, size);
    const mb = statSync(file).size / 1e6;
    const runs = Number(size >= 1000 ? options['runs-large'] : options.runs);
    const relative = `bench/data/churn-${size}mb.csv`;
    for (const unique of [true, false]) {
      const contract = unique ? churnContract : noUniqueContract;
      const pandasVerdict = (stdout: string) =>
        JSON.parse(stdout) as { passed: boolean; rows: number; seconds: number };
      const tools: [string, string, string[], typeof fleetVerdict][] = [
        [
          'fleet validate',
          process.execPath,
          ['packages/cli/bin/fleet.cjs', 'validate', '--contract', contract, file],
          fleetVerdict,
        ],
        ['pandas', PYTHON, ['bench/validate_pandas.py', file, ...(unique ? [] : ['--no-unique'])], pandasVerdict],
      ];
      for (const [tool, command, args, verdictOf] of tools) {
        const row: Row = { file: relative, mb, tool, unique, runs: [] };
        for (let k = 0; k < runs; k++) {
          const run = timed(command, args, verdictOf);
          row.runs.push(run);
          console.log(
            `${relative} ${tool} unique=${unique}: ${run.seconds.toFixed(2)} s (core ${run.coreSeconds.toFixed(2)} s), ${(mb / run.seconds).toFixed(1)} MB/s, peak ${run.peakMb.toFixed(0)} MB, passed=${run.passed}, rows=${run.rows}`,
          );
        }
        rows.push(row);
      }
    }
  }
  const loadAfter = loadavg();
  const section = report(rows, pandasVersion.stdout.trim(), loadBefore, loadAfter);
  console.log(`\n${section}`);
  if (!options['no-write']) writeResultsSection(resultsFile, SECTION, section);
};

const report = (rows: Row[], pandasVersion: string, loadBefore: number[], loadAfter: number[]): string => {
  const stat = (row: Row) => {
    const seconds = median(row.runs.map((run) => run.seconds));
    const coreSeconds = median(row.runs.map((run) => run.coreSeconds));
    return {
      seconds,
      mbps: row.mb / seconds,
      coreMbps: row.mb / coreSeconds,
      peakMb: Math.max(...row.runs.map((run) => run.peakMb)),
    };
  };
  const find = (file: string, tool: string, unique: boolean) =>
    rows.find((row) => row.file === file && row.tool === tool && row.unique === unique) as Row;
  const lines = [
    SECTION,
    '',
    `Command: \`pnpm exec tsx bench/validate.bench.ts --sizes ${options.sizes} --runs ${options.runs} --runs-large ${options['runs-large']}\``,
    `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), shared with other work: load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after. Node ${process.version}, pandas ${pandasVersion} (Debian python3-pandas).`,
    '',
    'Each tool runs in its own process under `/usr/bin/time -v`. "MB/s" is file size / median wall time of',
    'the whole command, start-up included (`fleet validate` runs from an esbuild bundle of the sources cached',
    'under node_modules/.cache/fleet, built before the first timed run; `bench/validateCli.bench.ts --phases`',
    'shows where its start-up goes). "core MB/s" times only reading and',
    "checking, as each tool reports it (`fleet validate`'s own duration line; `time.perf_counter()` after",
    'the imports in `bench/validate_pandas.py`). Peak RSS is the largest of the runs. Files are churn-like',
    '(rows of `examples/datasets/churn_baseline.csv` drawn at random, fresh unique `customer_id`s) and pass',
    'the contract, so both tools read every row. pandas runs `read_csv` (C parser, categories as `category`',
    "dtype) plus the churn contract's checks and builds no profile; `fleet validate` also profiles every",
    "column (moments, DDSketch quantiles, value counts) and checks every cell's text strictly.",
    '',
    '| file | MB | rows | tool | unique | MB/s | core MB/s | wall s (median) | peak RSS MB | passed |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const { seconds, mbps, coreMbps, peakMb } = stat(row);
    lines.push(
      `| ${row.file} | ${row.mb.toFixed(0)} | ${row.runs[0].rows} | ${row.tool} | ${row.unique ? 'yes' : 'no'} | ${mbps.toFixed(1)} | ${coreMbps.toFixed(1)} | ${seconds.toFixed(2)} | ${peakMb.toFixed(0)} | ${row.runs.every((run) => run.passed)} |`,
    );
  }
  lines.push('', 'Against the targets:', '');
  const files = [...new Set(rows.map((row) => row.file))];
  for (const file of files) {
    for (const unique of [true, false]) {
      const fleet = stat(find(file, 'fleet validate', unique));
      const pandas = stat(find(file, 'pandas', unique));
      const ratio = fleet.mbps / pandas.mbps;
      const coreRatio = fleet.coreMbps / pandas.coreMbps;
      lines.push(
        `- ${file}, ${unique ? 'with' : 'without'} unique: fleet ${fleet.mbps.toFixed(1)} MB/s vs pandas ${pandas.mbps.toFixed(1)} MB/s = ${ratio.toFixed(2)}x end to end (target >= 2x: ${ratio >= 2 ? 'met' : 'NOT met'}), ${coreRatio.toFixed(2)}x reading and checking only; peak RSS ${fleet.peakMb.toFixed(0)} MB vs ${pandas.peakMb.toFixed(0)} MB.`,
      );
    }
  }
  const small = files[0];
  const large = files[files.length - 1];
  const smallUnique = stat(find(small, 'fleet validate', true));
  lines.push(
    `- Peak RSS at ${small} with unique: ${smallUnique.peakMb.toFixed(0)} MB (target < 256 MB: ${smallUnique.peakMb < 256 ? 'met' : 'NOT met'}).`,
  );
  if (large !== small) {
    const a = stat(find(small, 'fleet validate', false));
    const b = stat(find(large, 'fleet validate', false));
    lines.push(
      `- Without unique, peak RSS ${a.peakMb.toFixed(0)} MB at ${small} and ${b.peakMb.toFixed(0)} MB at ${large} (${(b.peakMb / a.peakMb).toFixed(2)}x for a ${(find(large, 'fleet validate', false).mb / find(small, 'fleet validate', false).mb).toFixed(0)}x larger file: ${b.peakMb / a.peakMb < 1.25 ? 'flat' : 'NOT flat'}).`,
    );
    const withUnique = stat(find(large, 'fleet validate', true));
    const distinct = find(large, 'fleet validate', true).runs[0].rows / 1e6;
    lines.push(
      `- \`unique\` memory: ${withUnique.peakMb.toFixed(0)} MB with it vs ${b.peakMb.toFixed(0)} MB without at ${large} (${distinct.toFixed(1)} million distinct ids): ${((withUnique.peakMb - b.peakMb) / distinct).toFixed(1)} MB of peak RSS per million distinct values. The set is an open-addressing table of 12-byte slots (64-bit hash + first row), sized once from the file size and filled up to 80 % (70 % while it grows by doubling), so 15 to 30 bytes per distinct value depending on where the count falls between two powers of two (here 2^${Math.log2(slotsFor(distinct * 1e6))} slots, ${((slotsFor(distinct * 1e6) * 12) / 2 ** 20).toFixed(0)} MiB, for ${distinct.toFixed(1)} million). \`fleet validate\` passes the file size, so the table is sized once after 1000 rows instead of doubling (a doubling briefly holds both tables).`,
    );
  }
  const slowest = Math.min(...rows.filter((row) => row.tool === 'fleet validate').map((row) => stat(row).mbps));
  lines.push(
    `- The issue quotes pandas at about 27 MB/s (500 MB peak) on this machine; the pandas script here (C parser, \`category\` dtypes, no profile) is faster than that, so the bar above is higher. Against 27 MB/s, the slowest \`fleet validate\` run here (${slowest.toFixed(1)} MB/s) is ${(slowest / 27).toFixed(1)}x.`,
  );
  const ratios = files.flatMap((file) =>
    [true, false].map(
      (unique) => stat(find(file, 'fleet validate', unique)).mbps / stat(find(file, 'pandas', unique)).mbps,
    ),
  );
  if (ratios.some((ratio) => ratio < 2)) {
    lines.push(
      '',
      'Where it falls short, and why:',
      '',
      '- Start-up is not the gap: `fleet validate` starts from its cached bundle (see',
      '  `bench/validateCli.bench.ts --phases` for the phases of the process), and `import pandas` takes longer.',
      '- Fresh memory: every 4 KiB page touched the first time is a page fault, slow on a virtual machine;',
      '  the `unique` table (15 to 30 MB per million distinct ids) is most of what `fleet validate` touches.',
      '- Single thread: the checks run on one core in JavaScript, pandas parses in C. A CPU profile of the',
      '  100 MB run (`node --cpu-prof`) puts about a quarter of the time in the byte tokenizer, a fifth in',
      '  parsing numbers and profiling them (moments, sketches, value counts), an eighth in `unique` (hashes,',
      "  batched hash-table inserts) and the rest in the per-cell checks. `fleet validate` also checks each cell's",
      '  text strictly and profiles every column, which the pandas script does not.',
      '- What would close the gap: checking columns on two worker threads (each tokenizes',
      '  the chunk and checks half the columns; profiles of disjoint columns need no merge); or the same',
      '  work per Step Functions partition on the scale path, where profiles merge.',
    );
  }
  return lines.join('\n');
};

main();
