import { LocalClock } from '../../src/clock/LocalClock.js';
import type { InvocationResult } from '../../src/lambda/LambdaRunner.js';
import type { LocalStateMachine } from '../../src/serverless/readStateMachines.js';
import { LocalStepFunctions } from '../../src/stepfunctions/LocalStepFunctions.js';
import { loadStatesLibrary } from '../../src/stepfunctions/loadStatesLibrary.js';
import type { SnsPublishInput } from '../../src/stepfunctions/SnsPublishPort.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:decisions';
const FUNCTION = 'arn:aws:lambda:eu-west-1:123456789012:function:worker';

const machine = (name: string, definition: Record<string, unknown>): LocalStateMachine => ({
  service: 'flows',
  key: name,
  name,
  arn: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}`,
  logicalId: name,
  type: 'STANDARD',
  definition,
  rules: [],
  location: { file: 'serverless.yml' },
  intrinsics: { region: 'eu-west-1', accountId: '123456789012', imports: {} },
});

const publishAndWait = (next: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
  Parameters: { TopicArn: TOPIC, Message: { 'token.$': '$$.Task.Token' } },
  ...next,
});

const MACHINES = [
  machine('ask', {
    StartAt: 'Ask',
    States: {
      Ask: publishAndWait({
        Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Failed' }],
        End: true,
      }),
      Failed: { Type: 'Pass', End: true },
    },
  }),
  machine('beat', {
    StartAt: 'Work',
    States: {
      Work: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        HeartbeatSeconds: 60,
        Parameters: { FunctionName: FUNCTION, Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  }),
  machine('both', {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Left', States: { Left: publishAndWait({ End: true }) } },
          { StartAt: 'Right', States: { Right: publishAndWait({ End: true }) } },
        ],
        End: true,
      },
    },
  }),
  machine('until', {
    StartAt: 'Until',
    States: {
      Until: { Type: 'Wait', TimestampPath: '$.at', Next: 'Stamp' },
      Stamp: { Type: 'Pass', Parameters: { 'enteredAt.$': '$$.State.EnteredTime' }, End: true },
    },
  }),
];

describe('LocalStepFunctions', () => {
  const setup = async (options: { publisher?: boolean } = {}) => {
    const clock = new LocalClock({ start: '2025-06-02T09:00:00Z' });
    const published: SnsPublishInput[] = [];
    const invoked: unknown[] = [];
    const stepFunctions: LocalStepFunctions = new LocalStepFunctions({
      clock,
      region: 'eu-west-1',
      accountId: '123456789012',
      stateMachines: MACHINES,
      library: await loadStatesLibrary(),
      drain: () => stepFunctions.drain(),
      ports: {
        invokeSync: async (_target, payload) => {
          invoked.push(payload);
          return { record: { outcome: 'success' }, result: null } as unknown as InvocationResult;
        },
        invoke: () => undefined,
        ...(options.publisher === false
          ? {}
          : {
              publisher: {
                publish: async (input: SnsPublishInput) => {
                  published.push(input);
                  return { messageId: `m-${published.length}` };
                },
              },
            }),
      },
    });
    const start = async (name: string, input: unknown = {}) => {
      const { executionArn } = stepFunctions.startExecution({
        stateMachineArn: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}`,
        input: JSON.stringify(input),
      });
      await stepFunctions.drain();
      return executionArn;
    };
    const describe = async (executionArn: string) => stepFunctions.handle('DescribeExecution', { executionArn });
    const tokenOf = (message: SnsPublishInput) => (JSON.parse(message.message) as { token: string }).token;
    return { clock, stepFunctions, published, invoked, start, describe, tokenOf };
  };

  it('fails an sns:publish task with LocalCloud.SnsNotAvailable when it has no publisher', async () => {
    // Prepare
    const { start, describe, stepFunctions } = await setup({ publisher: false });

    // Act
    const executionArn = await start('ask');

    // Assess
    const described = await describe(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(String(described.output)).failure.Error).toBe('LocalCloud.SnsNotAvailable');
    await stepFunctions.close();
  });

  it('fails a task with States.HeartbeatTimeout when no heartbeat comes within HeartbeatSeconds', async () => {
    // Prepare
    const { start, describe, clock, invoked, stepFunctions } = await setup();
    const executionArn = await start('beat');
    const { token } = invoked[0] as { token: string };

    // Act
    await clock.tick('50s');
    await stepFunctions.handle('SendTaskHeartbeat', { taskToken: token });
    await clock.tick('50s');
    const afterHeartbeat = (await describe(executionArn)).status;
    await clock.tick('11s');

    // Assess
    expect(afterHeartbeat).toBe('RUNNING');
    expect(await describe(executionArn)).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    await stepFunctions.close();
  });

  it('gives each branch of a Parallel state its own token', async () => {
    // Prepare
    const { start, describe, published, tokenOf, stepFunctions } = await setup();
    const executionArn = await start('both');
    const [left, right] = published.map(tokenOf);

    // Act
    await stepFunctions.handle('SendTaskSuccess', { taskToken: right, output: '"right"' });
    await stepFunctions.handle('SendTaskSuccess', { taskToken: left, output: '"left"' });
    await stepFunctions.drain();

    // Assess
    expect(left).not.toBe(right);
    expect(JSON.parse(String((await describe(executionArn)).output))).toEqual(['left', 'right']);
    await stepFunctions.close();
  });

  it('waits until the timestamp of a TimestampPath on the clock, and gives the next state that time as $$.State.EnteredTime', async () => {
    // Prepare
    const { start, describe, clock, stepFunctions } = await setup();
    const executionArn = await start('until', { at: '2025-06-02T10:30:00Z' });

    // Act
    await clock.tick('89m');
    const before = (await describe(executionArn)).status;
    await clock.tick('1m');

    // Assess
    expect(before).toBe('RUNNING');
    expect(JSON.parse(String((await describe(executionArn)).output))).toEqual({
      enteredAt: '2025-06-02T10:30:00.000Z',
    });
    expect(await describe(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      stopDate: Date.parse('2025-06-02T10:30:00Z') / 1000,
    });
    await stepFunctions.close();
  });

  it('refuses a state machine with a transition to no state, naming it', async () => {
    // Prepare
    const broken = machine('broken', {
      StartAt: 'A',
      States: { A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Nowhere' }], Default: 'A' } },
    });
    const library = await loadStatesLibrary();
    const clock = new LocalClock();
    const ports = { invokeSync: async () => ({}) as InvocationResult, invoke: () => undefined };

    // Act
    const build = () =>
      new LocalStepFunctions({
        clock,
        region: 'eu-west-1',
        accountId: '123456789012',
        stateMachines: [broken],
        ports,
        library,
        drain: async () => undefined,
      });

    // Assess
    expect(build).toThrow('state machine broken (serverless.yml): A: no state Nowhere');
  });

  it('aborts what still runs when closed and leaves no timer on the clock', async () => {
    // Prepare
    const { start, clock, stepFunctions } = await setup();
    await start('until', { at: '2025-06-03T09:00:00Z' });
    await start('ask');

    // Act
    await stepFunctions.close();

    // Assess
    expect(stepFunctions.executions().map((execution) => execution.status)).toEqual(['ABORTED', 'ABORTED']);
    expect(clock.pending()).toEqual([]);
    expect(stepFunctions.inFlight).toBe(0);
  });
});
