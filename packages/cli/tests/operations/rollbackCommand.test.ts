import 'aws-sdk-client-mock-jest';
import path from 'node:path';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { runCommand } from '../support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..', '..');
const lambda = mockClient(LambdaClient);
const PACKAGE = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn';

const fleet = (...args: string[]) => runCommand(args, repoRoot);
/** A payload as the client hands it over (a Uint8Array; the blob adapter's helpers are not read). */
const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)) as InvokeCommandOutput['Payload'];

describe('fleet rollback', () => {
  beforeEach(() => {
    lambda.reset();
  });

  it('invokes the stage rollback function synchronously with who asks, why and the version, and prints what it started', async () => {
    // Prepare
    lambda.on(InvokeCommand).resolves({
      StatusCode: 200,
      Payload: payload({
        executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:fleet-prod-approval:churn-v2-rb-1',
        modelPackageArn: `${PACKAGE}/2`,
        previousModelPackageArn: `${PACKAGE}/3`,
        rollbackId: 'rb-0123456789abcdef0123',
        correlationId: 'rb-0123456789abcdef0123',
      }),
    });

    // Act
    const { code, stdout, stderr } = await fleet(
      'rollback',
      'churn',
      '--to',
      '2',
      '--reason',
      'v3 is off',
      '--by',
      'alice',
      '--stage',
      'prod',
    );

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('churn: rolling back to churn/2 (replacing churn/3) through the deployment states');
    expect(stdout).toContain('follow it: fleet trace rb-0123456789abcdef0123, fleet history --model churn');
    expect(lambda).toHaveReceivedCommandTimes(InvokeCommand, 1);
    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FunctionName: 'fleet-approval-callback-prod-rollback',
      InvocationType: 'RequestResponse',
    });
    expect(JSON.parse(Buffer.from(input?.Payload as Uint8Array).toString('utf8'))).toEqual({
      model: 'churn',
      requestedBy: 'alice',
      reason: 'v3 is off',
      toVersion: 2,
    });
  });

  it("exits 1 with the function's error name and words when it refuses", async () => {
    // Prepare
    lambda.on(InvokeCommand).resolves({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: payload({
        errorType: 'NothingToRollBackError',
        errorMessage: 'model "churn" has nothing to roll back to: no deployment of it has ever served',
      }),
    });

    // Act
    const { code, stdout, stderr } = await fleet('rollback', 'churn', '--by', 'alice');

    // Assess
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'fleet rollback: fleet-approval-callback-dev-rollback answered NothingToRollBackError: model "churn" has nothing to roll back to: no deployment of it has ever served\n',
    );
  });

  it('exits 1 naming the function and region when it does not exist', async () => {
    // Prepare
    lambda
      .on(InvokeCommand)
      .rejects(Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException', $metadata: {} }));

    // Act
    const { code, stderr } = await fleet('rollback', 'churn', '--stage', 'qa', '--region', 'eu-west-1');

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain(
      'fleet rollback: no function fleet-approval-callback-qa-rollback in region eu-west-1 (ResourceNotFoundException',
    );
  });

  it.each([
    [['rollback', 'churm'], 'unknown model "churm": the configuration names churn'],
    [['rollback', 'churn', '--to', 'v2'], '--to "v2" is not a model package version'],
    [['rollback'], 'give exactly one model'],
  ])('exits 2 for %j, saying %s, and invokes nothing', async (args, message) => {
    // Act
    const { code, stderr } = await fleet(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(lambda).not.toHaveReceivedCommand(InvokeCommand);
  });
});
