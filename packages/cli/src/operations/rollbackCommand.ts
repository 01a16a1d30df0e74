import { LambdaClient } from '@aws-sdk/client-lambda';
import { awsCommandErrorOf } from '../aws/awsCommandErrorOf.js';
import { type Command, type CommandIo, ExitCode } from '../io.js';
import { parseOperandArgs } from '../parseOperandArgs.js';
import { reportCommandFailure } from '../reportCommandFailure.js';
import { stageOf } from '../stageOf.js';
import { formatRollback } from './formatRollback.js';
import { invokeRollback, type RollbackAnswer, type RollbackRequest } from './invokeRollback.js';
import { loadOperatorConfig } from './loadOperatorConfig.js';
import { OperationInputError } from './OperationInputError.js';
import { operatorName } from './operatorName.js';
import { rollbackFunctionName } from './rollbackFunctionName.js';

const usage = `usage: fleet rollback <model> [--to <version>] [--reason <text>] [--by <name>] [--json]
                    [--stage <stage>] [--region <region>] [--config <file>]

Redeploys the model's previous champion (the newest package that served before the one serving
now), or the package version --to names, through the same deployment path as an approval: the
endpoint's lease, blue/green canary traffic shifting, the auto-rollback alarms, the deployment
record (trigger: rollback, who asked, why, the package it replaces) and Model Deployed or
Deployment Failed. It invokes approval-callback's rollback function
(fleet-approval-callback-<stage>-rollback, RequestResponse), which starts the approval state
machine in rollback mode and answers at once; the deployment goes on in the state machine.

Refused, with the reason, when nothing served before, when a deployment of the endpoint is in
progress, or when the model's deployments are paused (fleet resume <model> --deployment).

  --to <version>      the model package version to go back to (one that served before)
  --reason <text>     why, kept in the deployment record
  --by <name>         who asks (default: the OS user)
  --json              print the function's answer as JSON
  --stage <stage>     the fleet's stage (default dev): the function's name and the configuration
  --region <region>   the AWS region (default the SDK's: AWS_REGION, the profile)
  --config <file>     the fleet configuration (default ./fleet.config.yaml, else the repository's)

The SDK's default credentials are used; AWS_ENDPOINT_URL_LAMBDA points it at the local cloud.

examples:
  fleet rollback churn --stage prod --reason "v7 mislabels new customers"
  fleet rollback churn --to 5 --stage prod
  AWS_ENDPOINT_URL_LAMBDA=http://127.0.0.1:4566 fleet rollback churn --stage local

exit codes: 0 started, 1 refused or an AWS call failed, 2 usage error (unknown model, bad --to,
unreadable configuration)
`;

const optionDefinitions = {
  to: { type: 'string' },
  reason: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean', default: false },
  stage: { type: 'string' },
  region: { type: 'string' },
  config: { type: 'string' },
} as const;

/** `--to` as a package version. */
const versionOf = (to: string | undefined): number | undefined => {
  if (to === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(to)) throw new OperationInputError(`--to "${to}" is not a model package version (1, 2, ...)`);
  return Number(to);
};

/** Invokes the function, wording a failed AWS call for the operator. */
const rollBack = async (
  functionName: string,
  request: RollbackRequest,
  region: string | undefined,
): Promise<RollbackAnswer> => {
  const client = new LambdaClient(region === undefined ? {} : { region });
  try {
    return await invokeRollback(client, functionName, request);
  } catch (error) {
    throw await awsCommandErrorOf(error, { resource: `function ${functionName}`, region, client });
  } finally {
    client.destroy();
  }
};

const run = async (argv: string[], io: CommandIo): Promise<number> => {
  const parsed = parseOperandArgs(
    { name: 'rollback', usage, options: optionDefinitions, problem: () => 'give exactly one model' },
    argv,
    io,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options, operand: model } = parsed;
  const stage = stageOf(options);
  try {
    const toVersion = versionOf(options.to);
    loadOperatorConfig({ model, config: options.config, stage, cwd: io.cwd });
    const answer = await rollBack(
      rollbackFunctionName(stage),
      {
        model,
        requestedBy: options.by ?? operatorName(),
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(toVersion === undefined ? {} : { toVersion }),
      },
      options.region,
    );
    io.stdout(options.json ? `${JSON.stringify(answer, null, 2)}\n` : formatRollback(model, answer));
    return ExitCode.ok;
  } catch (error) {
    return reportCommandFailure('rollback', error, io);
  }
};

/** `fleet rollback <model>`: the previous champion deployed again through the deployment states. */
export const rollbackCommand: Command = {
  summary: "redeploy a model's previous champion through the canary deployment path",
  run,
};
