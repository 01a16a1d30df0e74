import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoReport } from '../demo/DemoReport.js';
import { DEFAULT_FAULT_SEED, faultOptions } from '../demo/demoFaults.js';
import { DEFAULT_DEMO_SCENARIO, DEMO_SCENARIOS, demoScenario } from '../demo/demoScenarios.js';
import { runDemo } from '../demo/runDemo.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

const usage = `usage: fleet demo [--scenario <name>] [--seed <n>] [--list] [--json] [--quiet] [--verbose] [--dataset <file.csv>] [--broken <file.csv>]

Runs the retraining loop end to end on the embedded local cloud (no AWS account needed):
a churn dataset lands and is validated, the trigger's guards debounce it, one SageMaker
pipeline run starts and succeeds and registers a model package, which is compared with the
champion and put to the approvers in Slack; the scenario decides what follows (by default the
demo clicks Approve, a signed Slack request, and the package is Approved). Then a broken file
lands, is rejected and starts nothing. In the approve scenario (which first switches the
nightly schedule off with EventBridge DisableRule) the deployed endpoint then gets live traffic
through InvokeEndpoint (Data Capture on, the contract's columns) and daily drift checks judge it
against the training data found by lineage: no drift, then two days of churn_drifted.csv (Drift
Detected warning, then critical, with the late labels' quality fall; the on-call paged), a
retrain for drift on the new customers' labelled export, its package approved in Slack and
deployed, and a day later Drift Cleared against the new training data, the incident resolved.
Prints the timeline as it goes (local-clock time, service, event, decision and why, one line per
section for alarms settling to OK), the records written and the checks.

  --scenario <name>   what follows the run: ${DEMO_SCENARIOS.map((scenario) => scenario.name).join(', ')} (default ${DEFAULT_DEMO_SCENARIO})
  --seed <n>          with --scenario faults: which calls fail (a whole number, default ${DEFAULT_FAULT_SEED})
  --list              name the scenarios and what each shows, and exit
  --json              print only a machine-readable report (one JSON object), with the bodies
                      sent to Slack (slack.messages) and PagerDuty (pagerduty.events)
  --quiet             print only the final line
  --verbose           also show the functions' own logs (Powertools, INFO)
  --dataset <file>    the dataset that lands first (default examples/datasets/churn_baseline.csv)
  --broken <file>     the broken file that lands last (default examples/demo/churn_broken.csv)

exit codes: 0 the loop completed, 1 it did not (the reason is printed), 2 usage error
`;

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      dataset: { type: 'string' },
      broken: { type: 'string' },
      scenario: { type: 'string', default: DEFAULT_DEMO_SCENARIO },
      seed: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseCommandArgs({ name: 'demo', usage, parse: parseOptions, help: (o) => o.help }, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  if (options.list) {
    for (const scenario of DEMO_SCENARIOS) io.stdout(`${scenario.name.padEnd(12)}${scenario.summary}\n`);
    return ExitCode.ok;
  }
  const chosen = demoScenario(options.scenario);
  if (chosen === undefined) {
    io.stderr(
      `fleet demo: no scenario named ${options.scenario}; the scenarios are ${DEMO_SCENARIOS.map((scenario) => scenario.name).join(', ')}\n\n${usage}`,
    );
    return ExitCode.usage;
  }
  const faults = faultOptions(chosen, options.seed);
  if (typeof faults === 'string') {
    io.stderr(`fleet demo: ${faults}\n\n${usage}`);
    return ExitCode.usage;
  }
  const narrate = !options.json && !options.quiet;
  let report: DemoReport;
  try {
    report = await runDemo({
      write: narrate ? (line) => io.stdout(`${line}\n`) : undefined,
      scenario: chosen.name,
      ...(options.dataset === undefined ? {} : { datasetFile: resolve(io.cwd, options.dataset) }),
      ...(options.broken === undefined ? {} : { brokenFile: resolve(io.cwd, options.broken) }),
      cloud: { logLevel: options.verbose && !options.json ? 'INFO' : 'SILENT', ...faults },
    });
  } catch (error) {
    io.stderr(`fleet demo: the loop did not complete: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.quiet) {
    io.stdout(
      report.ok
        ? `fleet demo: the loop completed in ${(report.wallClockMs / 1000).toFixed(1)} s\n`
        : `fleet demo: the loop did not complete: ${report.reason}\n`,
    );
  }
  if (!report.ok && !options.quiet) io.stderr(`fleet demo: the loop did not complete: ${report.reason}\n`);
  return report.ok ? ExitCode.ok : ExitCode.failed;
};

/**
 * `fleet demo`: the whole loop on the embedded local cloud, narrated; the README's first command.
 *
 * Exit 0 when every step happened (validated, debounced, one run started and succeeded, its
 * package put to the approvers and decided as the scenario says, the broken file rejected and
 * nothing started for it), 1 with the first failed check otherwise.
 */
export const demoCommand: Command = {
  summary: 'run the retraining loop end to end on the embedded local cloud',
  run,
};
