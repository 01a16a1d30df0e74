import path from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { LocalCloud } from '../../src/LocalCloud.js';
import { issueTaskToken } from '../../src/stepfunctions/taskTokens.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stepfunctions');
const arnOf = (name: string) => `arn:aws:states:eu-west-1:123456789012:stateMachine:flows-local-${name}`;
const functionArn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:flows-local-${name}`;

describe('StepFunctionsStandIn', () => {
  let cloud: LocalCloud;
  let sfn: SFNClient;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    sfn = new SFNClient({});
  });

  afterAll(async () => {
    sfn.destroy();
    await cloud.stop();
  });

  const start = async (machine: string, input: unknown, name?: string) => {
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arnOf(machine), input: JSON.stringify(input), name }),
    );
    await cloud.settle();
    return started.executionArn as string;
  };
  const describeExecution = (executionArn: string): Promise<DescribeExecutionCommandOutput> =>
    sfn.send(new DescribeExecutionCommand({ executionArn }));
  const outputOf = async (executionArn: string) => JSON.parse((await describeExecution(executionArn)).output ?? 'null');
  const invocationsOf = (functionName: string) =>
    cloud.invocations().filter((record) => record.functionName === functionName);
  const lastToken = () => {
    const messages = cloud.snsMessages();
    return JSON.parse(messages[messages.length - 1].message) as { token: string; model: string; reviewers: string };
  };

  it('resolves the definition read from serverless.yml to local ARNs', () => {
    // Act
    const chain = cloud.stepFunctions.stateMachines().find((machine) => machine.arn === arnOf('chain'));

    // Assess
    expect(chain?.definition).toEqual({
      Comment: 'Doubles twice, then sorts by size',
      StartAt: 'Double',
      States: {
        Double: { Type: 'Task', Resource: functionArn('double'), Next: 'DoubleAgain' },
        DoubleAgain: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'flows-local-double', 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload.value' },
          Next: 'IsLarge',
        },
        IsLarge: {
          Type: 'Choice',
          Choices: [{ Variable: '$.value', NumericGreaterThan: 10, Next: 'Large' }],
          Default: 'Small',
        },
        Large: { Type: 'Pass', Result: 'large', ResultPath: '$.size', End: true },
        Small: { Type: 'Pass', Result: 'small', ResultPath: '$.size', End: true },
      },
    });
    const approval = cloud.stepFunctions.stateMachines().find((machine) => machine.arn === arnOf('approval'));
    expect(
      (approval?.definition.States as Record<string, { Parameters: unknown }> | undefined)?.Request.Parameters,
    ).toEqual({
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:flows-local-approvals',
      Subject: 'Approval for eu-west-1',
      Message: { 'token.$': '$$.Task.Token', 'model.$': '$.model', reviewers: 'flows-reviewers' },
    });
  });

  it('describes and lists the state machines with their resolved definitions', async () => {
    // Act
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arnOf('pause') }));
    const listed = await sfn.send(new ListStateMachinesCommand({}));

    // Assess
    expect(described).toMatchObject({ name: 'flows-local-pause', type: 'STANDARD', status: 'ACTIVE' });
    expect(JSON.parse(described.definition ?? 'null')).toEqual(
      cloud.stepFunctions.stateMachines().find((machine) => machine.arn === arnOf('pause'))?.definition,
    );
    expect(listed.stateMachines?.map((machine) => machine.name)).toEqual(
      ['chain', 'retries', 'approval', 'callback', 'pause'].map((name) => `flows-local-${name}`),
    );
  });

  it('runs a chain of Lambda tasks and a Choice', async () => {
    // Act
    const large = await start('chain', { value: 3 });
    const small = await start('chain', { value: 1 });

    // Assess
    expect(await describeExecution(large)).toMatchObject({ status: 'SUCCEEDED', stateMachineArn: arnOf('chain') });
    expect(await outputOf(large)).toEqual({ value: 12, size: 'large' });
    expect(await outputOf(small)).toEqual({ value: 4, size: 'small' });
  });

  it('retries a function error at the intervals of its Retry on the local clock, then catches the next', async () => {
    // Prepare
    const before = invocationsOf('flaky').length;
    const executionArn = await start('retries', { key: 'twice', failures: 2 });

    // Act
    const afterFirst = invocationsOf('flaky').length - before;
    await cloud.tick('9s');
    const beforeInterval = invocationsOf('flaky').length - before;
    await cloud.tick('1s');
    const afterInterval = invocationsOf('flaky').length - before;
    await cloud.tick('30s');

    // Assess
    expect([afterFirst, beforeInterval, afterInterval]).toEqual([1, 1, 2]);
    expect(invocationsOf('flaky').length - before).toBe(3);
    expect(await describeExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'the order is not valid',
    });
  });

  it('catches a function error by its name once the retries are spent, with the Lambda error as cause', async () => {
    // Act
    const executionArn = await start('retries', { key: 'always', failures: 9 });
    await cloud.tick('10s');
    await cloud.tick('30s');

    // Assess
    const output = await outputOf(executionArn);
    expect(output.outcome).toBe('gave up');
    expect(output.failure.Error).toBe('FlakyError');
    expect(JSON.parse(output.failure.Cause)).toMatchObject({
      errorType: 'FlakyError',
      errorMessage: 'attempt 3 of always failed',
    });
  });

  it('publishes a task token through SNS and continues with what SendTaskSuccess sends', async () => {
    // Prepare
    const executionArn = await start('approval', { model: 'churn' });
    const { token, model, reviewers } = lastToken();
    const running = await describeExecution(executionArn);

    // Act
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
    await cloud.settle();

    // Assess
    expect(running.status).toBe('RUNNING');
    expect([model, reviewers]).toEqual(['churn', 'flows-reviewers']);
    expect(token).toMatch(/^[A-Za-z0-9+/]+==$/);
    expect(cloud.snsMessages().at(-1)?.subject).toBe('Approval for eu-west-1');
    expect(await outputOf(executionArn)).toEqual({ model: 'churn', decision: { approved: true } });
  });

  it('answers TaskTimedOut to a token used a second time', async () => {
    // Prepare
    await start('approval', { model: 'twice' });
    const { token } = lastToken();
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    // Act
    const again = sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'TaskTimedOut' });
    await expect(sfn.send(new SendTaskFailureCommand({ taskToken: token }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('fails the task with the error and cause SendTaskFailure sends, for Catch to match', async () => {
    // Prepare
    const declined = await start('approval', { model: 'declined' });
    await sfn.send(new SendTaskFailureCommand({ taskToken: lastToken().token, error: 'Declined', cause: 'no' }));
    const other = await start('approval', { model: 'other' });

    // Act
    await sfn.send(new SendTaskFailureCommand({ taskToken: lastToken().token, error: 'Broken', cause: 'oops' }));
    await cloud.settle();

    // Assess
    expect(await outputOf(declined)).toEqual({
      model: 'declined',
      declined: { Error: 'Declined', Cause: 'no' },
      outcome: 'declined',
    });
    expect(await outputOf(other)).toMatchObject({ failed: { Error: 'Broken', Cause: 'oops' }, outcome: 'failed' });
  });

  it('times a waiting task out on the local clock with States.Timeout, which States.TaskFailed does not catch', async () => {
    // Prepare
    const executionArn = await start('approval', { model: 'late' });
    const { token } = lastToken();
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));

    // Act
    await cloud.tick('23h59m');
    const before = (await describeExecution(executionArn)).status;
    await cloud.tick('1m');

    // Assess
    expect(before).toBe('RUNNING');
    const output = await outputOf(executionArn);
    expect(output).toMatchObject({ outcome: 'expired', timeout: { Error: 'States.Timeout' } });
    expect(output.failed).toBeUndefined();
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('waits in a Wait state for the seconds of its SecondsPath on the local clock', async () => {
    // Prepare
    const executionArn = await start('pause', { seconds: 3600, value: 2 });
    const { startDate } = await describeExecution(executionArn);

    // Act
    await cloud.tick('59m');
    const before = (await describeExecution(executionArn)).status;
    await cloud.tick('1m');

    // Assess
    expect(before).toBe('RUNNING');
    const after = await describeExecution(executionArn);
    expect(after.status).toBe('SUCCEEDED');
    expect(JSON.parse(after.output ?? 'null')).toEqual({ value: 4 });
    expect((after.stopDate as Date).getTime() - (startDate as Date).getTime()).toBe(3_600_000);
  });

  it("times the execution out at its definition's TimeoutSeconds on the local clock", async () => {
    // Prepare
    const executionArn = await start('pause', { seconds: 10_000, value: 1 });

    // Act
    await cloud.tick('2h');

    // Assess
    expect(await describeExecution(executionArn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });

  it('lets a function invoked with lambda:invoke.waitForTaskToken complete its own task before it returns', async () => {
    // Act
    const executionArn = await start('callback', { answer: 42 });

    // Assess
    expect(await describeExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await outputOf(executionArn)).toEqual({ answer: 42 });
  });

  it('stops an execution with StopExecution, after which its token is refused', async () => {
    // Prepare
    const executionArn = await start('approval', { model: 'stopped' });
    const { token } = lastToken();

    // Act
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'not needed' }));
    await cloud.settle();

    // Assess
    expect(await describeExecution(executionArn)).toMatchObject({
      status: 'ABORTED',
      error: 'Operator',
      cause: 'not needed',
    });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('gives a running execution back for the same name and input, and refuses any other reuse of a name', async () => {
    // Prepare
    const first = await start('approval', { model: 'same' }, 'same-name');

    // Act
    const again = await start('approval', { model: 'same' }, 'same-name');
    const other = start('approval', { model: 'other' }, 'same-name');

    // Assess
    expect(again).toBe(first);
    await expect(other).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    await start('chain', { value: 1 }, 'done-name');
    await expect(start('chain', { value: 1 }, 'done-name')).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it("answers StartExecution's errors by AWS's names", async () => {
    // Act
    const send = (input: { stateMachineArn: string; name?: string; input?: string }) =>
      sfn.send(new StartExecutionCommand(input));

    // Assess
    await expect(send({ stateMachineArn: arnOf('missing') })).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
    await expect(send({ stateMachineArn: 'not-an-arn' })).rejects.toMatchObject({ name: 'InvalidArn' });
    await expect(send({ stateMachineArn: arnOf('chain'), name: 'a b' })).rejects.toMatchObject({
      name: 'InvalidName',
    });
    await expect(send({ stateMachineArn: arnOf('chain'), name: 'a/b' })).rejects.toMatchObject({
      name: 'InvalidName',
    });
    await expect(send({ stateMachineArn: arnOf('chain'), name: 'x'.repeat(81) })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(send({ stateMachineArn: arnOf('chain'), input: '{"value":' })).rejects.toMatchObject({
      name: 'InvalidExecutionInput',
    });
  });

  it('answers the other errors by AWS names', async () => {
    // Prepare
    const unknownExecution = 'arn:aws:states:eu-west-1:123456789012:execution:flows-local-chain:nobody';
    await start('approval', { model: 'output' });

    // Act
    const badOutput = sfn.send(new SendTaskSuccessCommand({ taskToken: lastToken().token, output: '{"a":' }));

    // Assess
    await expect(badOutput).rejects.toMatchObject({ name: 'InvalidOutput' });
    await expect(describeExecution(unknownExecution)).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(sfn.send(new StopExecutionCommand({ executionArn: unknownExecution }))).rejects.toMatchObject({
      name: 'ExecutionDoesNotExist',
    });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'not a token', output: '{}' })),
    ).rejects.toMatchObject({ name: 'InvalidToken' });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: issueTaskToken().token, output: '{}' })),
    ).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
  });

  it('lists executions newest first, by status, a page at a time', async () => {
    // Prepare
    const names = ['list-1', 'list-2', 'list-3'];
    for (const name of names) await start('chain', { value: 1 }, name);
    const running = await start('approval', { model: 'listed' }, 'list-running');

    // Act
    const first = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('chain'), maxResults: 2 }));
    const second = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arnOf('chain'), maxResults: 2, nextToken: first.nextToken }),
    );
    const runningOnly = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arnOf('approval'), statusFilter: 'RUNNING' }),
    );

    // Assess
    expect(first.executions?.map((execution) => execution.name)).toEqual(['list-3', 'list-2']);
    expect(second.executions?.[0]?.name).toBe('list-1');
    expect(runningOnly.executions?.map((execution) => execution.executionArn)).toContain(running);
    expect(runningOnly.executions?.every((execution) => execution.status === 'RUNNING')).toBe(true);
    await expect(
      sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('chain'), nextToken: 'bogus!' })),
    ).rejects.toMatchObject({ name: 'InvalidToken' });
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('nothing') }))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
  });

  it("starts a state machine with an event its eventBridge rule matches, through the rule's inputPath", async () => {
    // Act
    const event = await cloud.inject({ source: 'flows.orders', 'detail-type': 'Order Placed', detail: { value: 6 } });

    // Assess
    const list = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('chain'), maxResults: 1 }));
    const [newest] = list.executions ?? [];
    expect(cloud.events().find((entry) => entry.event.id === event.id)?.matchedRules).toEqual([
      'flows-local-chain-rule-1',
    ]);
    expect(newest.status).toBe('SUCCEEDED');
    expect(JSON.parse((await describeExecution(newest.executionArn as string)).input ?? 'null')).toEqual({ value: 6 });
    expect(await outputOf(newest.executionArn as string)).toEqual({ value: 24, size: 'large' });
  });

  it("gives an execution's history with the states by their type", async () => {
    // Prepare
    const executionArn = await start('chain', { value: 5 });

    // Act
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));

    // Assess
    const types = history.events?.map((event) => event.type);
    expect(types?.[0]).toBe('ExecutionStarted');
    expect(types).toEqual(
      expect.arrayContaining(['TaskStateEntered', 'ChoiceStateEntered', 'PassStateExited', 'ExecutionSucceeded']),
    );
    expect(history.events?.at(-1)?.executionSucceededEventDetails?.output).toBe('{"value":20,"size":"large"}');
  });
});
