import { parseArgs } from 'node:util';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import type { FleetCloud } from '../local/index.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

const usage = `usage: fleet local [--json] [--verbose]

Starts the fleet on the embedded local cloud and keeps it serving until SIGINT (Ctrl-C) or
SIGTERM: DynamoDB with the records table, S3 with the data bucket, the EventBridge bus with
every rule of the services, EventBridge Scheduler and SageMaker with the fleet's pipelines,
SNS with the stacks' topics, SSM with a local value for every secret the configuration names,
the stacks' HTTP APIs, and the Slack Web API and PagerDuty Events API the notifications go
to. The clock runs in real time. When ready, prints the endpoints, the resource names, the
HTTP URLs (the HTTP API routes, and slack and pagerduty), the local secrets and the
environment a client needs (\`export\` lines to paste into a shell), then serves until stopped.

  --json       print only one line of JSON (region, accountId, stage, endpoints, env,
               resources, http, secrets) on stdout once ready; everything else goes to stderr
  --verbose    also show the functions' own logs (Powertools, INFO); not with --json

exit codes: 0 stopped cleanly, 1 it did not start or stop cleanly (the reason is printed),
2 usage error
`;

/** The line `fleet local --json` prints: plain data, in the order of the README. */
export type LocalReadyLine = Pick<
  FleetCloud,
  'region' | 'accountId' | 'stage' | 'endpoints' | 'env' | 'resources' | 'http' | 'secrets'
>;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;

/** Quotes a value for a POSIX shell, so the export lines survive `eval` whatever they hold. */
const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

const readyText = (line: LocalReadyLine): string => {
  const rows = (entries: [string, string][]) =>
    entries.map(([name, value]) => `  ${name.padEnd(14)} ${value}`).join('\n');
  return [
    `fleet local: the fleet is running on the local cloud (stage ${line.stage}, region ${line.region}, account ${line.accountId})`,
    '',
    'Endpoints:',
    rows(Object.entries(line.endpoints)),
    '',
    'Resources:',
    rows([
      ['records table', line.resources.recordsTable],
      ['data bucket', line.resources.dataBucket],
      ['event bus', line.resources.eventBus],
    ]),
    ...(Object.keys(line.http).length === 0 ? [] : ['', 'HTTP APIs:', rows(Object.entries(line.http))]),
    '',
    'Local values of the secrets (SSM SecureString parameters):',
    rows(Object.entries(line.secrets)),
    '',
    'Environment for an AWS SDK or CLI client (paste into a shell):',
    '',
    ...Object.entries(line.env).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
    '',
    'The AWS CLI before 2.13 reads no AWS_ENDPOINT_URL_<SERVICE>; give it the endpoint, e.g.',
    `  aws --endpoint-url ${line.endpoints.sagemaker} sagemaker list-pipelines`,
    '',
    'Stop with Ctrl-C (or SIGTERM).',
    '',
  ].join('\n');
};

/** Resolves on the first SIGINT or SIGTERM; later ones are the same request and change nothing. */
const untilStopSignal = (): { stopped: Promise<NodeJS.Signals>; release: () => void } => {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  for (const signal of SIGNALS) process.on(signal, onSignal);
  const release = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  return { stopped, release };
};

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseCommandArgs({ name: 'local', usage, parse: parseOptions, help: (o) => o.help }, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  if (options.json && options.verbose) {
    // The functions' logs go to stdout, which --json keeps for its one line.
    io.stderr(`fleet local: --verbose cannot be combined with --json\n\n${usage}`);
    return ExitCode.usage;
  }

  // Listen before starting: a signal during the start still stops what was started.
  const signals = untilStopSignal();
  try {
    let fleet: FleetCloud;
    try {
      // Loaded here, so that `fleet --help` does not load the local cloud.
      const { startFleetCloud } = await import('../local/index.js');
      fleet = await startFleetCloud({ realTimeClock: true, logLevel: options.verbose ? 'INFO' : 'SILENT' });
    } catch (error) {
      io.stderr(`fleet local: the local cloud did not start: ${(error as Error).message}\n`);
      return ExitCode.failed;
    }
    const { region, accountId, stage, endpoints, env, resources, http, secrets } = fleet;
    const line: LocalReadyLine = { region, accountId, stage, endpoints, env, resources, http, secrets };
    if (options.json) io.stdout(`${JSON.stringify(line)}\n`);
    else io.stdout(readyText(line));

    const signal = await signals.stopped;
    io.stderr(`fleet local: ${signal} received, stopping the local cloud\n`);
    try {
      await fleet.stop();
    } catch (error) {
      io.stderr(`fleet local: the local cloud did not stop cleanly: ${(error as Error).message}\n`);
      return ExitCode.failed;
    }
    io.stderr('fleet local: stopped\n');
    return ExitCode.ok;
  } finally {
    signals.release();
  }
};

/**
 * `fleet local`: the fleet on the local cloud, served until stopped, for a user's own tools.
 *
 * The ready line (`--json`) is the whole contract with a script: endpoints keyed by the
 * lower-case service id of `AWS_ENDPOINT_URL_<SERVICE>`, and an `env` that is enough for a
 * client once exported. SIGINT and SIGTERM stop every server before exiting 0.
 */
export const localCommand: Command = {
  summary: 'serve the fleet on the local cloud until stopped, for your own AWS tools',
  run,
};
