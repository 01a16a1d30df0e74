import 'aws-sdk-client-mock-jest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RecordsRepository } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { RecordsDeploymentStore } from '../../../src/adapters/RecordsDeploymentStore.js';
import { StepFunctionsWorkflow } from '../../../src/adapters/StepFunctionsWorkflow.js';
import { createRollbackHandler } from '../../../src/handlers/rollback.js';
import { deployConfig } from '../../support/deployFakes.js';
import { FixedClock, packageArn } from '../../support/fakes.js';
import { lambdaContext } from '../../support/lambdaContext.js';

const STATE_MACHINE = 'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-dev-approval';
const sfn = mockClient(SFNClient);
const dynamo = mockClient(DynamoDBDocumentClient);

const dependencies = () => ({
  config: deployConfig(),
  ports: {
    store: new RecordsDeploymentStore(
      new RecordsRepository({
        client: DynamoDBDocumentClient.from(new DynamoDBClient({})),
        tableName: 'fleet-dev-records',
      }),
    ),
    workflow: new StepFunctionsWorkflow(new SFNClient({}), STATE_MACHINE),
    clock: new FixedClock('2026-03-02T12:00:00.000Z'),
  },
});

const deployment = (version: number, at: string) => ({
  pk: 'MODEL#churn',
  sk: `${at}#deployment#d${version}`,
  kind: 'deployment',
  id: `d${version}`,
  at,
  correlationId: `corr-${version}`,
  decision: 'deployed',
  modelPackageArn: packageArn('churn', version),
  modelPackageVersion: version,
});

beforeEach(() => {
  sfn.reset();
  dynamo.reset();
  dynamo.on(GetCommand).resolves({});
  sfn.on(StartExecutionCommand).callsFake(async (input: { name: string }) => ({
    executionArn: `arn:aws:states:eu-west-1:123456789012:execution:fleet-dev-approval:${input.name}`,
    startDate: new Date(),
  }));
});

describe('the rollback handler', () => {
  it('starts the approval state machine in rollback mode and answers what it deploys and replaces', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({
      Items: [deployment(3, '2026-03-02T08:00:00.000Z'), deployment(2, '2026-03-01T08:00:00.000Z')],
    });
    const handler = createRollbackHandler(dependencies);

    // Act
    const output = await handler({ model: 'churn', requestedBy: 'alice', reason: 'v3 is off' }, lambdaContext('req-7'));

    // Assess
    expect(output).toMatchObject({
      modelPackageArn: packageArn('churn', 2),
      previousModelPackageArn: packageArn('churn', 3),
      executionArn: expect.stringMatching(/:execution:fleet-dev-approval:churn-v2-rb-[0-9a-f]{20}$/),
    });
    expect(sfn).toHaveReceivedCommandTimes(StartExecutionCommand, 1);
    const input = JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.input ?? '{}');
    expect(input).toMatchObject({
      mode: 'rollback',
      modelPackageArn: packageArn('churn', 2),
      rollback: { requestedBy: 'alice', reason: 'v3 is off', previousModelPackageArn: packageArn('churn', 3) },
    });
  });

  it('fails with NothingToRollBackError and starts nothing when only one package ever served', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [deployment(3, '2026-03-02T08:00:00.000Z')] });
    const handler = createRollbackHandler(dependencies);

    // Act
    const output = handler({ model: 'churn', requestedBy: 'alice' }, lambdaContext());

    // Assess
    await expect(output).rejects.toMatchObject({ name: 'NothingToRollBackError' });
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it('refuses an input without who asks', async () => {
    // Prepare
    const handler = createRollbackHandler(dependencies);

    // Act
    const output = handler({ model: 'churn' } as never, lambdaContext());

    // Assess
    await expect(output).rejects.toThrow('requestedBy');
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });
});
