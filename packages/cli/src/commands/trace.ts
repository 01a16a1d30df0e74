import { formatAuditTrail, summarizeRecords } from '../audit/formatAuditTrail.js';
import { readTrace } from '../audit/readTrace.js';
import { withRecordsTable } from '../aws/withRecordsTable.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { parseOperandArgs } from '../parseOperandArgs.js';
import { reportCommandFailure } from '../reportCommandFailure.js';

const usage = `usage: fleet trace <correlationId> [--json] [--table <name>] [--stage <stage>] [--region <region>]

Lists everything one chain did, across services and partitions, in time order: the records
that share its correlation id (the id of the event that started it, such as a landing's S3
event), found with one Query of the records table's correlation index (gsi1, CORR#<id>). A
landing's chain runs from its validation through the trigger decisions and the run to the
approval and the deployment. Claims, pointers and pending landings are left out.

  --json              print a JSON array of the records as stored, each with a \`summary\`
  --table <name>      the records table (default FLEET_RECORDS_TABLE, else the stage's core stack export)
  --stage <stage>     read the table name from the core stack's export fleet-<stage>-RecordsTableName (AWS)
  --region <region>   the AWS region (default the SDK's: AWS_REGION, the profile)

Correlation ids are in every fleet event (detail.correlationId), every log line, and the
records \`fleet history --json\` prints.

examples:
  fleet trace 7f2c9a4e-1b3d-4c5e-9f60-0a1b2c3d4e5f --stage prod
  fleet trace 7f2c9a4e-1b3d-4c5e-9f60-0a1b2c3d4e5f --table fleet-local-records --json

exit codes: 0 listed (also when nothing was found), 1 an AWS call failed, 2 usage error (no
correlation id, no table)
`;

const optionDefinitions = {
  json: { type: 'boolean', default: false },
  table: { type: 'string' },
  stage: { type: 'string' },
  region: { type: 'string' },
} as const;

const NO_CORRELATION_ID = 'give a correlation id';

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseOperandArgs(
    {
      name: 'trace',
      usage,
      options: optionDefinitions,
      problem: (count) => (count > 1 ? 'give exactly one correlation id' : NO_CORRELATION_ID),
    },
    argv,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const correlationId = parsed.operand.trim();
  if (correlationId === '') {
    io.stderr(`fleet trace: ${NO_CORRELATION_ID}\n\n${usage}`);
    return ExitCode.usage;
  }
  try {
    const { table, records } = await withRecordsTable(options, async (opened) => ({
      table: opened.tableName,
      records: await readTrace(opened.repository, correlationId),
    }));
    if (options.json) {
      io.stdout(`${JSON.stringify(summarizeRecords(records), null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout(`Trace of ${correlationId} in table ${table}:\n`);
    const lines = formatAuditTrail(records);
    io.stdout(
      lines.length === 0
        ? '  no records with this correlation id\n'
        : `${lines.map((line) => `  ${line}`).join('\n')}\n`,
    );
    return ExitCode.ok;
  } catch (error) {
    return reportCommandFailure('trace', error, io);
  }
};

/** `fleet trace`: everything one chain did, by its correlation id, across services, in time order. */
export const traceCommand: Command = {
  summary: 'list everything one chain did, by its correlation id, in time order',
  run,
};
