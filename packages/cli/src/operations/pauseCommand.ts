import { randomUUID } from 'node:crypto';
import { writePauseChange } from '@fleet/shared';
import { withRecordsTable } from '../aws/withRecordsTable.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { parseOperandArgs } from '../parseOperandArgs.js';
import { reportCommandFailure } from '../reportCommandFailure.js';
import { stageOf } from '../stageOf.js';
import { formatPauseChange } from './formatPauseChange.js';
import { loadOperatorConfig } from './loadOperatorConfig.js';
import { operatorName } from './operatorName.js';

type Action = 'pause' | 'resume';

const usageOf = (action: Action): string => {
  const verb = action === 'pause' ? 'Pauses' : 'Resumes';
  const effect =
    action === 'pause'
      ? `While retraining is paused, every trigger of the model's pipeline (schedule, dataset, drift,
manual) is skipped with skipReason "paused" and who paused it and why in its decision record.
While deployments are paused, an approved package is not deployed: its deployment record says
"paused" and the endpoint is not touched; fleet rollback is refused too.`
      : `Resuming retraining lets the next trigger start (a trigger skipped while paused is not
replayed); resuming deployments lets the next approved package deploy (a package whose
deployment was paused stays approved and undeployed: approve a newer one, or roll back to it).`;
  return `usage: fleet ${action} <model> [--retraining] [--deployment] [--reason <text>] [--by <name>] [--json]
                    [--config <file>] [--table <name>] [--stage <stage>] [--region <region>]

${verb} a model's retraining and/or deployments: the switch PAUSE#MODEL#<model> in the records
table, and an audit record in the model's history (fleet history --model <model> shows it).
${effect}

  --retraining        only the model's retraining
  --deployment        only the model's deployments (neither flag: both)
  --reason <text>     why, kept on the switch and in the record
  --by <name>         who (default: the OS user)
  --json              print the switch before and after, and the record's key, as JSON
  --config <file>     the fleet configuration (default ./fleet.config.yaml, else the repository's)
  --table <name>      the records table (default FLEET_RECORDS_TABLE, else the stage's core stack export)
  --stage <stage>     the fleet's stage (default dev): its configuration, and the table's export
                      fleet-<stage>-RecordsTableName (AWS)
  --region <region>   the AWS region (default the SDK's: AWS_REGION, the profile)

The SDK's default credentials are used; AWS_ENDPOINT_URL_DYNAMODB points it at the local cloud.

examples:
  fleet ${action} churn --stage prod${action === 'pause' ? ' --reason "labels are late upstream"' : ''}
  fleet ${action} churn --deployment --stage prod
  AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:4566 fleet ${action} churn --retraining --stage local --table fleet-local-records

exit codes: 0 ${action === 'pause' ? 'paused' : 'resumed'}, 1 an AWS call failed, 2 usage error (unknown model, no table,
unreadable configuration)
`;
};

const optionDefinitions = {
  retraining: { type: 'boolean', default: false },
  deployment: { type: 'boolean', default: false },
  reason: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean', default: false },
  config: { type: 'string' },
  table: { type: 'string' },
  stage: { type: 'string' },
  region: { type: 'string' },
} as const;

const runFor =
  (action: Action) =>
  async (argv: string[], io: CommandIo): Promise<number> => {
    const usage = usageOf(action);
    const parsed = parseOperandArgs(
      { name: action, usage, options: optionDefinitions, problem: () => 'give exactly one model' },
      argv,
      io,
    );
    if ('exitCode' in parsed) return parsed.exitCode;
    const { options, operand: model } = parsed;
    try {
      loadOperatorConfig({ model, config: options.config, stage: stageOf(options), cwd: io.cwd });
      const { table, result } = await withRecordsTable(options, async (opened) => ({
        table: opened.tableName,
        result: await writePauseChange(opened.repository, {
          model,
          action,
          retraining: options.retraining,
          deployment: options.deployment,
          by: options.by ?? operatorName(),
          ...(options.reason === undefined ? {} : { reason: options.reason }),
          now: new Date(),
          changeId: randomUUID(),
        }),
      }));
      if (options.json) {
        const { switch: now, previous, audit } = result;
        io.stdout(
          `${JSON.stringify({ table, switch: now, previous, record: { pk: audit.pk, sk: audit.sk } }, null, 2)}\n`,
        );
        return ExitCode.ok;
      }
      io.stdout(formatPauseChange(result, table));
      return ExitCode.ok;
    } catch (error) {
      return reportCommandFailure(action, error, io);
    }
  };

/** `fleet pause <model>` or `fleet resume <model>`: the model's pause switch, written with its audit record. */
export const pauseCommand = (action: Action): Command => ({
  summary:
    action === 'pause'
      ? "pause a model's retraining and/or deployments (recorded)"
      : "resume a model's retraining and/or deployments (recorded)",
  run: runFor(action),
});
