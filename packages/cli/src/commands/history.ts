import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFleetConfig } from '@fleet/shared';
import { AuditInputError } from '../audit/AuditInputError.js';
import { formatAuditTrail, summarizeRecords } from '../audit/formatAuditTrail.js';
import { type HistorySubject, historyPartitions } from '../audit/historyPartitions.js';
import { parseSince } from '../audit/parseSince.js';
import { readHistory } from '../audit/readHistory.js';
import { withRecordsTable } from '../aws/withRecordsTable.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { findRepoRoot } from '../local/findRepoRoot.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { reportCommandFailure } from '../reportCommandFailure.js';
import { stageOf } from '../stageOf.js';

const usage = `usage: fleet history (--model <name> | --pipeline <name> | --dataset <name>) [--since <time>] [--json]
                    [--config <file>] [--table <name>] [--stage <stage>] [--region <region>]

Lists the audit trail of a model, a pipeline or a dataset from the records table, in time order:
each record's time, partition, kind, decision and why (validated, or rejected with its first
issues; a retrain started, or skipped with the guard that stopped it, paused included; drift
with its severity and features; approved, rejected or expired, by whom; deployed, rolled back
or paused; an operator's pause or resume). One Query per partition; a model's history merges
its own (MODEL#) with its pipeline's (PIPELINE#) and its datasets' (DATASET#), as the
configuration links them.

  --model <name>      a model of the configuration, with its pipeline's and datasets' records
  --pipeline <name>   a pipeline: its trigger decisions
  --dataset <name>    a dataset: its validations
  --since <time>      only records at or after it: an ISO time (2025-06-02T09:00:00Z), a date
                      (2025-06-02, UTC) or a duration before now (30m, 24h, 7d, 2w)
  --json              print a JSON array of the records as stored, each with a \`summary\`
  --config <file>     the fleet configuration (default ./fleet.config.yaml, else the repository's)
  --table <name>      the records table (default FLEET_RECORDS_TABLE, else the stage's core stack export)
  --stage <stage>     read the table name from the core stack's export fleet-<stage>-RecordsTableName (AWS)
  --region <region>   the AWS region (default the SDK's: AWS_REGION, the profile)

The SDK's default credentials are used; AWS_ENDPOINT_URL_DYNAMODB points it at the local cloud.

examples:
  fleet history --model churn --stage prod --since 7d
  fleet history --pipeline churn-retrain --since 2025-06-02T00:00:00Z --json
  AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:4566 fleet history --dataset churn --table fleet-local-records

exit codes: 0 listed (also when empty), 1 an AWS call failed, 2 usage error (unknown name, bad
--since, no table, unreadable configuration)
`;

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      model: { type: 'string' },
      pipeline: { type: 'string' },
      dataset: { type: 'string' },
      since: { type: 'string' },
      json: { type: 'boolean', default: false },
      config: { type: 'string' },
      table: { type: 'string' },
      stage: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;

type Options = ReturnType<typeof parseOptions>;

/** The one subject the options name, or why they do not name exactly one. */
const subjectOf = (options: Options): HistorySubject | string => {
  const given = (['model', 'pipeline', 'dataset'] as const).filter((name) => options[name] !== undefined);
  if (given.length !== 1) {
    return given.length === 0
      ? 'give one of --model, --pipeline or --dataset'
      : `give only one of ${given.map((name) => `--${name}`).join(', ')}`;
  }
  const [name] = given;
  return { [name]: options[name] as string } as HistorySubject;
};

/** `--config`, else the working directory's fleet.config.yaml, else the repository's. */
const configFile = (options: Options, cwd: string): string => {
  if (options.config !== undefined) return resolve(cwd, options.config);
  const here = resolve(cwd, 'fleet.config.yaml');
  if (existsSync(here)) return here;
  try {
    return resolve(findRepoRoot(__dirname), 'fleet.config.yaml');
  } catch (error) {
    throw new AuditInputError(`no fleet.config.yaml in ${cwd}: pass --config <file>`, { cause: error });
  }
};

const subjectText = (subject: HistorySubject): string => Object.entries(subject)[0].join(' ');

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseCommandArgs({ name: 'history', usage, parse: parseOptions, help: (o) => o.help }, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const subject = subjectOf(options);
  if (typeof subject === 'string') {
    io.stderr(`fleet history: ${subject}\n\n${usage}`);
    return ExitCode.usage;
  }
  try {
    const since = options.since === undefined ? undefined : parseSince(options.since, new Date());
    const config = loadFleetConfig({ file: configFile(options, io.cwd), stage: stageOf(options) });
    const partitions = historyPartitions(config, subject);
    const { table, records } = await withRecordsTable(options, async (opened) => ({
      table: opened.tableName,
      records: await readHistory(opened.repository, { partitions, ...(since === undefined ? {} : { since }) }),
    }));
    if (options.json) {
      io.stdout(`${JSON.stringify(summarizeRecords(records), null, 2)}\n`);
      return ExitCode.ok;
    }
    const from = since === undefined ? '' : ` since ${since}`;
    io.stdout(`History of ${subjectText(subject)} (${partitions.join(', ')}) in table ${table}${from}:\n`);
    const lines = formatAuditTrail(records);
    io.stdout(lines.length === 0 ? '  no records\n' : `${lines.map((line) => `  ${line}`).join('\n')}\n`);
    return ExitCode.ok;
  } catch (error) {
    return reportCommandFailure('history', error, io);
  }
};

/**
 * `fleet history`: the audit trail of a model (with its pipeline's and datasets' records), a
 * pipeline or a dataset, in time order, from the records table on AWS or the local cloud.
 */
export const historyCommand: Command = {
  summary: "list a model's, pipeline's or dataset's audit trail in time order",
  run,
};
