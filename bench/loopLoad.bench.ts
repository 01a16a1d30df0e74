/**
 * Benchmark: the loop under load on the fleet's local cloud, in one process per repeat.
 *
 * Run from the repository root: `pnpm exec tsx bench/loopLoad.bench.ts [--repeats 3] [--datasets 50]
 * [--approvals 20] [--landings-per-dataset 20] [--redelivered 0.1] [--clicks-per-approval 10]
 * [--rows-per-landing 200] [--no-write]`.
 *
 * Each repeat runs in a fresh child process (so its peak RSS is its own): a generated fleet of
 * `--datasets` models, each with its own prefix `raw/ds-NN/`, contract, pipeline and model
 * package group (bench/load, written under `.tmp/`), started with `startFleetCloud`; the landings
 * spread over one minute of clock time with a share of S3 events delivered again; the debounce
 * windows pass and the runs end; `--approvals` packages wait for approval and get
 * `--clicks-per-approval` signed Slack clicks each, all at once over HTTP. The checks (one run
 * per pipeline, one decision per approval, one Slack message per event and destination, no dead
 * letter) must hold in every repeat, else the script exits 1. Prints throughput (landings/s and
 * clicks/s of wall time), wall time per phase and peak RSS, medians over the repeats; rewrites
 * the "## Loop under load" section of bench/RESULTS.md unless `--no-write` (or a check failed).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LAND_STEPS,
  LOAD_PHASES,
  type LoadPhase,
  type LoadScenarioResult,
  runLoadScenario,
} from './load/runLoadScenario.js';
import { writeResultsSection } from './writeResultsSection.js';

const root = resolve(__dirname, '..');
const SECTION = '## Loop under load';

const { values: options } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    datasets: { type: 'string', default: '50' },
    approvals: { type: 'string', default: '20' },
    'landings-per-dataset': { type: 'string', default: '20' },
    redelivered: { type: 'string', default: '0.1' },
    'clicks-per-approval': { type: 'string', default: '10' },
    'rows-per-landing': { type: 'string', default: '200' },
    'no-write': { type: 'boolean', default: false },
    /** Count the calls each service answers (through fault proxies that fail none: one more hop per call). */
    'count-calls': { type: 'boolean', default: false },
    /** Internal: run one repeat and print its result as JSON. */
    child: { type: 'string' },
  },
});

const whole = (name: keyof typeof options, min: number): number => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number >= ${min}, got ${options[name]}`);
  return value;
};

const shape = {
  datasets: whole('datasets', 1),
  approvals: whole('approvals', 0),
  landingsPerDataset: whole('landings-per-dataset', 1),
  redeliveredShare: Number(options.redelivered),
  clicksPerApproval: whole('clicks-per-approval', 1),
  rowsPerLanding: whole('rows-per-landing', 2),
};
if (!(shape.redeliveredShare >= 0 && shape.redeliveredShare <= 1)) {
  throw new Error(`--redelivered must be a share from 0 to 1, got ${options.redelivered}`);
}

/** One repeat's result as the child reports it. */
type Repeat = Omit<LoadScenarioResult, 'outcome'> & { maxRssMiB: number };

const runChild = async (dir: string): Promise<void> => {
  const result = await runLoadScenario({
    repoRoot: root,
    dir,
    ...shape,
    ...(options['count-calls'] ? { cloud: { faults: { seed: 1, rate: 0 } } } : {}),
    progress: (line) => process.stderr.write(`  ${line}\n`),
  });
  const { outcome: _, ...rest } = result;
  const repeat: Repeat = { ...rest, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(repeat)}\n`);
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const commandLine = (): string => {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--child'));
  return ['pnpm exec tsx bench/loopLoad.bench.ts', ...args].join(' ');
};

const main = async () => {
  if (options.child !== undefined) return runChild(options.child);
  const repeats = whole('repeats', 1);
  const load = loadavg()[0];
  const results: Repeat[] = [];
  for (let n = 0; n < repeats; n++) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        ...process.argv.slice(2),
        '--child',
        resolve(root, `.tmp/loop-load-${process.pid}`),
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      throw new Error(`repeat ${n + 1} exited ${child.status ?? child.signal}: ${child.stdout.slice(-2000)}`);
    }
    const repeat = JSON.parse(line) as Repeat;
    results.push(repeat);
    const wall = LOAD_PHASES.map(
      (phase) =>
        `${phase} ${(repeat.wallMs[phase] / 1000).toFixed(1)} s (CPU ${(repeat.cpuMs[phase] / 1000).toFixed(1)} s)`,
    ).join(', ');
    process.stdout.write(`repeat ${n + 1}/${repeats}: ${wall}; peak RSS ${repeat.maxRssMiB.toFixed(0)} MiB\n`);
    for (const check of repeat.checks) {
      process.stdout.write(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}\n`);
    }
  }
  const failed = results.flatMap((repeat, n) =>
    repeat.checks.filter((check) => !check.ok).map((check) => `repeat ${n + 1}: ${check.name}: ${check.detail}`),
  );
  const [first] = results;
  const phaseMedian = (phase: LoadPhase) => median(results.map((repeat) => repeat.wallMs[phase])) / 1000;
  const total = (repeat: Repeat) => LOAD_PHASES.reduce((sum, phase) => sum + repeat.wallMs[phase], 0) / 1000;
  const totalCpu = (repeat: Repeat) => LOAD_PHASES.reduce((sum, phase) => sum + repeat.cpuMs[phase], 0) / 1000;
  const landingsPerSecond = median(results.map((repeat) => repeat.landings / (repeat.wallMs.land / 1000)));
  const clicksPerSecond = median(results.map((repeat) => repeat.clicks / (repeat.wallMs.clicks / 1000)));
  const wallClock = new Date(performance.timeOrigin + performance.now());
  const section = [
    SECTION,
    '',
    `Command: \`${commandLine()}\` (${wallClock.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `Node ${process.version}, ${cpus().length} cores shared with other work, load average ${load.toFixed(1)} before, ` +
      `${loadavg()[0].toFixed(1)} after).`,
    '',
    `Each repeat is a fresh process running \`startFleetCloud\` on a generated fleet (bench/load): ` +
      `${shape.datasets} datasets, each with its own prefix \`raw/ds-NN/\`, contract (a copy of churn's), pipeline ` +
      `and model package group; the stacks of trigger-retraining and approval-callback adapted to list them. ` +
      `${first.landings} landings of ${shape.rowsPerLanding} churn rows (${shape.landingsPerDataset} per dataset, ` +
      `interleaved) spread over ${(first.landingSpanMs / 1000).toFixed(0)} s of clock time, each second's landings ` +
      `uploaded at once over S3's HTTP API, and ${first.redelivered} of their \`Object Created\` events delivered ` +
      `again; then the debounce windows pass and every run ends (each registers a package); ` +
      `${shape.approvals} of the models (their packages) wait for approval, and each request gets ${shape.clicksPerApproval} signed ` +
      `Slack clicks (Approve and Reject alternating, two approvers), ${first.clicks} in all, sent at once over HTTP ` +
      'to the approval API. Wall time per phase: "start" the stacks and stand-ins, "land" the uploads, ' +
      'redeliveries and everything they set off (validation, debounce schedules), "runs" the clock moved past ' +
      'the debounce windows to the end of every run (the trigger, the runs, the registrations, the approvals ' +
      'up to the Slack requests), "clicks" from the first click sent to every decision settled (Slack updates ' +
      "and replies included). Peak RSS is the repeat process's `maxRSS`. Medians of " +
      `${repeats} repeats.`,
    '',
    '| repeat | start s | land s | runs s | clicks s | check s | total s | landings/s | clicks/s | peak RSS MiB | checks |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (repeat, n) =>
        `| ${n + 1} | ${LOAD_PHASES.map((phase) => (repeat.wallMs[phase] / 1000).toFixed(1)).join(' | ')} | ` +
        `${total(repeat).toFixed(1)} | ${(repeat.landings / (repeat.wallMs.land / 1000)).toFixed(1)} | ` +
        `${(repeat.clicks / (repeat.wallMs.clicks / 1000)).toFixed(1)} | ${repeat.maxRssMiB.toFixed(0)} | ` +
        `${repeat.checks.every((check) => check.ok) ? 'all ok' : 'FAILED'} |`,
    ),
    `| median | ${LOAD_PHASES.map((phase) => phaseMedian(phase).toFixed(1)).join(' | ')} | ` +
      `${median(results.map(total)).toFixed(1)} | ${landingsPerSecond.toFixed(1)} | ${clicksPerSecond.toFixed(1)} | ` +
      `${median(results.map((repeat) => repeat.maxRssMiB)).toFixed(0)} | |`,
    '',
    'CPU time of the repeat process per phase (user and system, `process.cpuUsage`), which the other work on ' +
      'the shared cores does not inflate as it does wall time, and the throughput per CPU second:',
    '',
    '| repeat | start CPU s | land CPU s | runs CPU s | clicks CPU s | check CPU s | total CPU s | landings per CPU s | clicks per CPU s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (repeat, n) =>
        `| ${n + 1} | ${LOAD_PHASES.map((phase) => (repeat.cpuMs[phase] / 1000).toFixed(1)).join(' | ')} | ` +
        `${totalCpu(repeat).toFixed(1)} | ${(repeat.landings / (repeat.cpuMs.land / 1000)).toFixed(1)} | ` +
        `${(repeat.clicks / (repeat.cpuMs.clicks / 1000)).toFixed(1)} |`,
    ),
    `| median | ${LOAD_PHASES.map((phase) => (median(results.map((repeat) => repeat.cpuMs[phase])) / 1000).toFixed(1)).join(' | ')} | ` +
      `${median(results.map(totalCpu)).toFixed(1)} | ` +
      `${median(results.map((repeat) => repeat.landings / (repeat.cpuMs.land / 1000))).toFixed(1)} | ` +
      `${median(results.map((repeat) => repeat.clicks / (repeat.cpuMs.clicks / 1000))).toFixed(1)} |`,
    '',
    `A landing costs ${(median(results.map((repeat) => repeat.cpuMs.land / repeat.landings))).toFixed(0)} ms of CPU ` +
      `and a click ${(median(results.map((repeat) => repeat.cpuMs.clicks / repeat.clicks))).toFixed(0)} ms (medians), ` +
      'handlers and stand-ins together: the local cloud runs in one process, mostly on one core, so its ' +
      'throughput is about one core over those costs.',
    '',
    'The landing phase by step (medians): "upload" the PUTs answered, "settle" what they set off run to ' +
      'the end (S3 events converted and delivered, validate-dataset, trigger-retraining), "redeliver" the ' +
      'redelivered events settled, "tick" the clock\'s one-second moves:',
    '',
    '| step | wall s | CPU s |',
    '| --- | ---: | ---: |',
    ...LAND_STEPS.map(
      (name) =>
        `| ${name} | ${(median(results.map((repeat) => repeat.landSteps[name].wallMs)) / 1000).toFixed(1)} | ` +
        `${(median(results.map((repeat) => repeat.landSteps[name].cpuMs)) / 1000).toFixed(1)} |`,
    ),
    '',
    ...(first.calls === undefined
      ? []
      : [
          'Calls each service answered in the first repeat, all phases (`--count-calls`: through fault proxies ' +
            'failing none, one more hop per call, so the times above include it), and per landing:',
          '',
          '| service | calls | per landing |',
          '| --- | ---: | ---: |',
          ...Object.entries(first.calls)
            .sort(([, a], [, b]) => b - a)
            .map(([service, calls]) => `| ${service} | ${calls} | ${(calls / first.landings).toFixed(2)} |`),
          '',
        ]),
    "Where the handlers' time goes in the first repeat: invocation attempts per function and the wall " +
      'time their handlers ran (summed; concurrent invocations overlap, and each includes its calls to the ' +
      'stand-ins over HTTP), slowest first:',
    '',
    '| function | invocations | handler time s | ms per invocation |',
    '| --- | ---: | ---: | ---: |',
    ...first.functions.map(
      (fn) =>
        `| ${fn.functionName} | ${fn.invocations} | ${(fn.handlerMs / 1000).toFixed(1)} | ${(fn.handlerMs / fn.invocations).toFixed(0)} |`,
    ),
    '',
    'Checks of the first repeat (every repeat checks the same):',
    '',
    ...first.checks.map((check) => `- ${check.ok ? 'ok' : 'FAILED'}: ${check.name} (${check.detail})`),
  ].join('\n');
  process.stdout.write(`\n${section}\n`);
  if (failed.length > 0) {
    process.stderr.write(`loopLoad.bench: checks failed:\n${failed.map((line) => `  ${line}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  if (!options['no-write']) writeResultsSection(resolve(root, 'bench/RESULTS.md'), SECTION, section);
};

main().catch((error: unknown) => {
  process.stderr.write(`loopLoad.bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
