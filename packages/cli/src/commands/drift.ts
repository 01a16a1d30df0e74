import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type DataTable,
  type DriftConfig,
  DriftInputError,
  detectDrift,
  formatDriftText,
  parseCsvTable,
  parseDriftConfig,
  renderDriftReport,
} from '@fleet/drift';
import { ConfigError, type DatasetContract, loadContract } from '@fleet/shared';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

/** Exit codes of `fleet drift`. */
export const DriftExitCode = { noDrift: 0, drift: 1, usage: ExitCode.usage, insufficientData: 3 } as const;

const usage = `usage: fleet drift --baseline <a.csv> --current <b.csv> [--contract <file>] [--config <file>] [--json] [--report <out.html>]

Compares a current window of data with its baseline, feature by feature.

  --baseline <file>   reference data (CSV with a header row)
  --current <file>    data to check (CSV, same columns)
  --contract <file>   dataset contract: column types, identifiers, critical columns, target
  --config <file>     drift settings (YAML): alpha, minRows, driftShare, smallSampleRows,
                      features.<name>.{test,threshold,critical}, prediction, labels, quality
  --json              print the result as one JSON object
  --report <file>     also write a self-contained HTML report

exit codes: 0 no drift, 1 drift, 2 usage or input error, 3 insufficient data
`;

class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

const readText = (file: string, what: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot read ${what} ${file}: ${code}`, { cause: error });
  }
};

const parseOptions = (argv: string[]) => {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        baseline: { type: 'string' },
        current: { type: 'string' },
        contract: { type: 'string' },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
};

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseCommandArgs({ name: 'drift', usage, parse: parseOptions, help: (o) => o.help }, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const missing = (['baseline', 'current'] as const).filter((name) => options[name] === undefined);
  if (missing.length > 0) {
    io.stderr(`fleet drift: missing ${missing.map((m) => `--${m}`).join(' and ')}\n\n${usage}`);
    return DriftExitCode.usage;
  }
  const path = (file: string) => resolve(io.cwd, file);
  try {
    let contract: DatasetContract | undefined;
    if (options.contract !== undefined) contract = loadContract(path(options.contract)).contract;
    let config: DriftConfig | undefined;
    if (options.config !== undefined)
      config = parseDriftConfig(readText(path(options.config), 'config'), options.config);
    const table = (file: string, what: string): DataTable =>
      parseCsvTable(readText(path(file), what), { source: file, delimiter: contract?.format.delimiter });
    const baseline = table(options.baseline as string, 'baseline');
    const current = table(options.current as string, 'current data');
    const result = detectDrift({ baseline, current, contract, config });
    if (options.report !== undefined) {
      const html = renderDriftReport({
        result,
        baseline,
        current,
        nullValues: contract?.nullValues,
        generatedAt: new Date().toISOString(),
      });
      try {
        writeFileSync(path(options.report), html);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(`cannot write report ${options.report}: ${code}`, { cause: error });
      }
    }
    if (options.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      if (options.report !== undefined) io.stderr(`report written to ${options.report}\n`);
    } else {
      io.stdout(formatDriftText(result));
      if (options.report !== undefined) io.stdout(`\nreport written to ${options.report}\n`);
    }
    if (result.status === 'insufficient_data') return DriftExitCode.insufficientData;
    return result.drifted ? DriftExitCode.drift : DriftExitCode.noDrift;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DriftInputError) {
      io.stderr(`fleet drift: ${error.message}\n`);
      return DriftExitCode.usage;
    }
    throw error;
  }
};

/**
 * `fleet drift`: compares two CSV files and prints the verdict; the exit code says it too.
 *
 * Exit 0 no drift, 1 drift, 2 usage or input error (the message names the file or field),
 * 3 insufficient data, so a shell script or CI job can branch on it.
 */
export const driftCommand: Command = {
  summary: 'compare a current CSV window with its baseline and report drift',
  run,
};
