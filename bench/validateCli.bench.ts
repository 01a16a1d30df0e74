/**
 * Benchmark: `fleet validate --contract <contract> <file> --json` end to end, as a user runs it,
 * against pandas doing the same checks (bench/validate_pandas.py), in the same run.
 *
 * Run from the repository root:
 * `pnpm exec tsx bench/validateCli.bench.ts [--rows 1500000] [--runs 5] [--repo <checkout>]... [--phases] [--no-write]`.
 * Generates bench/data/churn-<rows>-rows.csv once (deterministic, the rows of validate.bench.ts:
 * baseline rows drawn at random, fresh unique `customer_id`s), then runs each tool as fresh
 * processes under /usr/bin/time -v, interleaved (each round starting with the next tool) so that
 * load on the shared machine hits all alike, and reports medians, CPU time, page faults and the
 * ratio to pandas.
 * Each `--repo` (default: this checkout) is timed with its own `packages/cli/bin/fleet.cjs`, so an
 * older checkout (a `git worktree` of an earlier commit) is compared in the same run. `--phases`
 * adds as many runs per checkout with bench/validatePhases.cjs preloaded, which timestamps the
 * phases of the process (start-up, contract, validation, output, teardown). Rewrites the
 * "## fleet validate end to end vs pandas" section of bench/RESULTS.md unless `--no-write`.
 * Needs Debian's python3-pandas (`apt-get install -y python3-pandas`) at /usr/bin/python3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeChurnFile } from './writeChurnFile.js';
import { writeResultsSection } from './writeResultsSection.js';

const root = resolve(__dirname, '..');
const dataDir = resolve(root, 'bench/data');
const resultsFile = resolve(root, 'bench/RESULTS.md');
const SECTION = '## fleet validate end to end vs pandas';
const PYTHON = '/usr/bin/python3';

const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '1500000' },
    runs: { type: 'string', default: '5' },
    repo: { type: 'string', multiple: true },
    phases: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

/** Writes a churn-like CSV of exactly `rows` data rows: baseline rows drawn at random, fresh unique ids. */
const generate = (file: string, rows: number): void => {
  if (existsSync(file)) return;
  writeChurnFile(root, file, { rows }, rows);
};

type Run = { seconds: number; cpuSeconds: number; peakMb: number; faults: number; passed: boolean; rows: number };

/** Runs a command under /usr/bin/time -v and reads its wall and CPU time, peak RSS, page faults and verdict. */
const timed = (
  cwd: string,
  command: string,
  args: string[],
  verdictOf: (stdout: string, status: number | null) => { passed: boolean; rows: number },
): Run & { stderr: string } => {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const read = (label: string) => {
    const match = new RegExp(`${label}: ([\\d.]+)`).exec(child.stderr);
    if (match === null) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
    return Number(match[1]);
  };
  const verdict = verdictOf(child.stdout, child.status);
  return {
    seconds,
    cpuSeconds: read('User time \\(seconds\\)') + read('System time \\(seconds\\)'),
    peakMb: read('Maximum resident set size \\(kbytes\\)') / 1024,
    faults: read('Minor \\(reclaiming a frame\\) page faults'),
    passed: verdict.passed,
    rows: verdict.rows,
    stderr: child.stderr,
  };
};

/** Reads the verdict of `fleet validate --json` (its JSON carries no duration of its own). */
const fleetVerdict = (stdout: string, status: number | null) => {
  const result = JSON.parse(stdout) as { passed: boolean; rows: number };
  if (result.passed !== (status === 0)) throw new Error(`exit code ${status} disagrees with passed=${result.passed}`);
  return { passed: result.passed, rows: result.rows };
};

const pandasVerdict = (stdout: string) => JSON.parse(stdout) as { passed: boolean; rows: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The phases bench/validatePhases.cjs marks, in order, with the name of the span that ends at each. */
const PHASES = [
  ['preloaded', 'Node start-up'],
  ['bundle-loaded', 'bin, bundle check, bundle load'],
  ['contract-read', 'module init, argument parsing'],
  ['data-opened', 'contract parse and check, stat'],
  ['output', 'validation (reading and checking)'],
  ['exit', 'output, end of the event loop'],
] as const;

/** Milliseconds spent in each phase of one `--phases` run (its stderr), teardown included. */
const phasesOf = (stderr: string, startedAt: number, endedAt: number): Record<string, number> => {
  const marks = new Map<string, number>();
  for (const match of stderr.matchAll(/\[phase\] (\S+) ([\d.]+)/g)) {
    if (!marks.has(match[1])) marks.set(match[1], Number(match[2]));
  }
  const spans: Record<string, number> = {};
  let previous = startedAt;
  for (const [mark, name] of PHASES) {
    const at = marks.get(mark);
    if (at === undefined) throw new Error(`no ${mark} mark in:\n${stderr}`);
    spans[name] = at - previous;
    previous = at;
  }
  spans['exit, teardown'] = endedAt - previous;
  spans.total = endedAt - startedAt;
  return spans;
};

/** The commit a checkout is at, for the labels. */
const commitOf = (repo: string) =>
  spawnSync('git', ['-C', repo, 'log', '-1', '--format=%h %cs'], { encoding: 'utf8' }).stdout.trim();

const main = (): void => {
  mkdirSync(dataDir, { recursive: true });
  const rows = Number(options.rows);
  const runs = Number(options.runs);
  const repos = (options.repo ?? [root]).map((repo) => resolve(repo));
  const file = resolve(dataDir, `churn-${rows}-rows.csv`);
  generate(file, rows);
  const mb = statSync(file).size / 1e6;
  const pandasVersion = spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (pandasVersion.status !== 0) throw new Error('pandas is missing: apt-get install -y python3-pandas');
  const fleetArgs = (repo: string) => [
    'packages/cli/bin/fleet.cjs',
    'validate',
    '--contract',
    resolve(repo, 'contracts/churn.yaml'),
    file,
    '--json',
  ];
  // Builds each checkout's cached bundle (if a source changed) outside the timed runs.
  for (const repo of repos) timed(repo, process.execPath, fleetArgs(repo), fleetVerdict);
  // Labelled once: other work may commit to a checkout while the benchmark runs.
  const labels = new Map(
    repos.map((repo) => [repo, repos.length === 1 ? 'fleet validate' : `fleet validate at ${commitOf(repo)}`]),
  );
  const label = (repo: string) => labels.get(repo) as string;
  const tools = [
    ...repos.map((repo) => ({
      name: label(repo),
      run: () => timed(repo, process.execPath, fleetArgs(repo), fleetVerdict),
      runs: [] as Run[],
    })),
    {
      name: 'pandas',
      run: () => timed(root, PYTHON, [resolve(root, 'bench/validate_pandas.py'), file], pandasVerdict),
      runs: [] as Run[],
    },
  ];
  const loadBefore = loadavg();
  for (let k = 0; k < runs; k++) {
    // Each round starts with the next tool, so that none always runs right after another.
    for (const tool of [...tools.slice(k % tools.length), ...tools.slice(0, k % tools.length)]) {
      const run = tool.run();
      tool.runs.push(run);
      console.log(
        `${tool.name}: ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds.toFixed(2)} s), peak ${run.peakMb.toFixed(0)} MB, ${run.faults} page faults, passed=${run.passed}, rows=${run.rows}`,
      );
    }
  }
  // Phase runs are interleaved too, so that every checkout sees the same load.
  const phases = repos.map((repo) => ({ name: label(repo), repo, spans: [] as Record<string, number>[] }));
  for (let k = 0; options.phases && k < runs; k++) {
    for (const phase of [...phases.slice(k % phases.length), ...phases.slice(0, k % phases.length)]) {
      const startedAt = performance.timeOrigin + performance.now();
      const run = timed(
        phase.repo,
        process.execPath,
        ['-r', resolve(root, 'bench/validatePhases.cjs'), ...fleetArgs(phase.repo)],
        fleetVerdict,
      );
      phase.spans.push(phasesOf(run.stderr, startedAt, performance.timeOrigin + performance.now()));
    }
  }
  const loadAfter = loadavg();
  const pandas = median(tools[tools.length - 1].runs.map((run) => run.seconds));
  const repoArgs = repos.length === 1 && repos[0] === root ? '' : repos.map((repo) => ` --repo ${repo}`).join('');
  const lines = [
    SECTION,
    '',
    `Command: \`pnpm exec tsx bench/validateCli.bench.ts --rows ${rows} --runs ${runs}${repoArgs}${options.phases ? ' --phases' : ''}\``,
    `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), shared with other work: load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after. Node ${process.version}, pandas ${pandasVersion.stdout.trim()} (Debian python3-pandas).`,
    '',
    `File: \`${relative(root, file)}\`, ${mb.toFixed(0)} MB (${(mb / 1.048576).toFixed(0)} MiB), ${rows} data rows, unique \`customer_id\`; contract \`contracts/churn.yaml\` (\`unique\` on \`customer_id\`).`,
    'Each tool runs as a fresh process under `/usr/bin/time -v`, interleaved (each round starting with the next tool), whole process timed:',
    '`node packages/cli/bin/fleet.cjs validate --contract contracts/churn.yaml <file> --json` and',
    '`python3 bench/validate_pandas.py <file>` (imports included). "vs pandas" is pandas\' median wall',
    "time over the tool's, from the same run. Page faults are the minor faults `time -v` reports.",
    '',
    '| tool | wall s (median) | min | max | CPU s (median) | MB/s | peak RSS MB | page faults (median) | vs pandas | passed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const tool of tools) {
    const seconds = tool.runs.map((run) => run.seconds);
    const wall = median(seconds);
    lines.push(
      `| ${tool.name} | ${wall.toFixed(2)} | ${Math.min(...seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${median(tool.runs.map((run) => run.cpuSeconds)).toFixed(2)} | ${(mb / wall).toFixed(1)} | ${Math.max(...tool.runs.map((run) => run.peakMb)).toFixed(0)} | ${median(tool.runs.map((run) => run.faults)).toFixed(0)} | ${(pandas / wall).toFixed(2)}x | ${tool.runs.every((run) => run.passed && run.rows === rows)} |`,
    );
  }
  if (options.phases) {
    const names = Object.keys(phases[0].spans[0]);
    lines.push(
      '',
      `Where the time of one \`fleet validate\` process goes (median ms of ${runs} more runs with \`-r bench/validatePhases.cjs\`, which timestamps each phase; "Node start-up" runs from the spawn to the preload):`,
      '',
      `| phase | ${phases.map((phase) => phase.name).join(' | ')} |`,
      `| --- | ${phases.map(() => '---:').join(' | ')} |`,
    );
    for (const name of names) {
      lines.push(
        `| ${name} | ${phases.map((phase) => median(phase.spans.map((spans) => spans[name])).toFixed(0)).join(' | ')} |`,
      );
    }
  }
  const section = lines.join('\n');
  console.log(`\n${section}`);
  if (!options['no-write']) writeResultsSection(resultsFile, SECTION, section);
};

main();
