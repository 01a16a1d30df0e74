import { awsCommandErrorOf } from '../aws/awsCommandErrorOf.js';
import { withRecordsTable } from '../aws/withRecordsTable.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { findRepoRoot } from '../local/findRepoRoot.js';
import { operatorName } from '../operations/operatorName.js';
import { parseOperandArgs } from '../parseOperandArgs.js';
import { awsRedriveClients, awsRedrivePorts, sqsDeadLetterQueue } from '../redrive/awsRedrivePorts.js';
import { formatRedrive } from '../redrive/formatRedrive.js';
import { queueNameOf } from '../redrive/queueNameOf.js';
import type { RedrivePorts } from '../redrive/RedrivePorts.js';
import { type RedriveOutcome, redriveQueue } from '../redrive/redriveQueue.js';
import { stackSnsSubscribers } from '../redrive/stackSnsSubscribers.js';
import { reportCommandFailure } from '../reportCommandFailure.js';
import { stageOf } from '../stageOf.js';

const usage = `usage: fleet redrive <queue> [--max <n>] [--dry-run] [--json] [--stage <stage>] [--by <name>]
                    [--table <name>] [--region <region>]

Re-sends what waits in a dead-letter queue to where it failed, records each redrive in the
records table (partition QUEUE#<queue>), and only then deletes the message:
  - a Lambda on-failure destination record: the function is invoked again (Event) with its payload;
  - an EventBridge target dead letter: its TARGET_ARN, a function (Event) or a state machine
    (StartExecution), gets the event again;
  - an SNS subscription dead letter: the function subscribed with this queue as its redrive
    policy gets the message again, as an SNS event.
A message it cannot understand stays in the queue, with a line saying why.

  <queue>             a queue name, URL or ARN, or dlq (fleet-<stage>-dlq) or approval-requests
                      (fleet-<stage>-approval-requests-dlq)
  --max <n>           redrive at most n messages (default: all)
  --dry-run           print what would be re-sent; send, record and delete nothing
  --json              print the outcomes as a JSON array
  --stage <stage>     the fleet's stage (default dev): short queue names, the stacks' SNS
                      subscriptions, and the records table's export fleet-<stage>-RecordsTableName
  --by <name>         who redrives, for the records (default: the user name)
  --table <name>      the records table (default FLEET_RECORDS_TABLE, else the stage's core stack export)
  --region <region>   the AWS region (default the SDK's: AWS_REGION, the profile)

The SDK's default credentials are used; AWS_ENDPOINT_URL_SQS, _LAMBDA, _SFN and _DYNAMODB point
it at the local cloud (what \`fleet local\` prints).

examples:
  fleet redrive dlq --stage prod --dry-run
  fleet redrive arn:aws:sqs:eu-west-1:123456789012:fleet-prod-approval-requests-dlq --stage prod --max 5

exit codes: 0 everything redriven (or nothing to do), 1 a message was kept or an AWS call
failed, 2 usage error
`;

const optionDefinitions = {
  max: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  stage: { type: 'string' },
  by: { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
} as const;

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseOperandArgs(
    {
      name: 'redrive',
      usage,
      options: optionDefinitions,
      problem: (count) => `give exactly one queue (got ${count})`,
    },
    argv,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options, operand } = parsed;
  const max = options.max === undefined ? undefined : Number(options.max);
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    io.stderr(`fleet redrive: --max must be a whole number of at least 1, not ${options.max}\n`);
    return ExitCode.usage;
  }
  const stage = stageOf(options);
  const queueName = queueNameOf(operand, stage);
  const dryRun = options['dry-run'];
  const by = options.by ?? operatorName();
  const clients = awsRedriveClients(options.region);
  const warn = (line: string) => io.stderr(`fleet redrive: ${line}\n`);
  let outcomes: RedriveOutcome[];
  try {
    let queue: Awaited<ReturnType<typeof sqsDeadLetterQueue>>;
    try {
      queue = await sqsDeadLetterQueue(clients.sqs, queueName, { warn });
    } catch (error) {
      throw await awsCommandErrorOf(
        error,
        { resource: `queue ${queueName}`, region: options.region, client: clients.sqs },
        (failure, region) =>
          failure.name === 'QueueDoesNotExist' ? `no queue ${queueName} in region ${region}` : undefined,
      );
    }
    const snsSubscribers = stackSnsSubscribers({ rootDir: findRepoRoot(__dirname), stage });
    const redrive = (putRecord: RedrivePorts['putRecord']) =>
      redriveQueue(awsRedrivePorts({ clients, queue, putRecord, snsSubscribers }), {
        by,
        dryRun,
        ...(max === undefined ? {} : { max }),
      });
    outcomes = dryRun
      ? await redrive(() => Promise.reject(new Error('a dry run writes no record')))
      : await withRecordsTable({ ...options, stage: options.stage }, (table) =>
          redrive((record) => table.repository.put(record)),
        );
  } catch (error) {
    return reportCommandFailure('redrive', error, io);
  } finally {
    clients.close();
  }
  if (options.json) io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
  else io.stdout(`${formatRedrive(queueName, outcomes, dryRun).join('\n')}\n`);
  return outcomes.some((outcome) => outcome.outcome === 'kept') ? ExitCode.failed : ExitCode.ok;
};

/**
 * `fleet redrive <queue>`: re-sends the dead letters of a queue to where they failed (a
 * function, a state machine, an SNS subscriber), records each redrive, then deletes it.
 */
export const redriveCommand: Command = {
  summary: 're-send what waits in a dead-letter queue to where it failed, and record it',
  run,
};
